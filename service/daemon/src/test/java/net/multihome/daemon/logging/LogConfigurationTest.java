package net.multihome.daemon.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogConfigurationTest {

    @Test
    void configuresStandardOutputAtInfoWithTheLibrariesAtWarn() {
        LoggerContext context = new LoggerContext();
        LogConfiguration configuration = new LogConfiguration();
        configuration.setContext(context);

        assertEquals(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, configuration.configure(context));

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.INFO, root.getLevel());
        ConsoleAppender<?> stdout = assertInstanceOf(ConsoleAppender.class, root.getAppender("STDOUT"));
        assertTrue(stdout.isStarted());
        assertEquals(LogConfiguration.PATTERN, assertInstanceOf(PatternLayoutEncoder.class, stdout.getEncoder()).getPattern());
        assertEquals(Level.WARN, context.getLogger("org.opendaylight.yangtools").getEffectiveLevel());
        assertEquals(Level.WARN, context.getLogger("org.apache.sshd.common").getEffectiveLevel());
        assertEquals(Level.ERROR, context.getLogger("org.apache.sshd.server.channel.ChannelSession").getEffectiveLevel());
        context.stop();
    }

    @Test
    void isTheOneLogbackUses() {
        LoggerContext running = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = running.getLogger(Logger.ROOT_LOGGER_NAME);

        assertInstanceOf(ConsoleAppender.class, root.getAppender("STDOUT"));
        assertFalse(running.getLogger("org.apache.sshd").isInfoEnabled());
    }
}
