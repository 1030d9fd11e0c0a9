package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemdNotifierTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void sendsOneDatagramPerMessageToAPathSocket() throws Exception {
        String path = dir.resolve("notify").toString();
        try (UnixDatagramReceiver systemd = new UnixDatagramReceiver(path);
                SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", path))) {
            assertTrue(notifier.enabled());
            assertTrue(notifier.send("READY=1\nSTATUS=2 providers: isp1 up, isp2 up"));
            assertTrue(notifier.send("WATCHDOG=1"));
            assertEquals("READY=1\nSTATUS=2 providers: isp1 up, isp2 up", systemd.receive(WAIT));
            assertEquals("WATCHDOG=1", systemd.receive(WAIT));
        }
    }

    @Test
    void reachesAnAbstractSocketNamedWithAnAt() throws Exception {
        String name = "@multihome-test-" + ProcessHandle.current().pid() + "-"
                + ThreadLocalRandom.current().nextInt(1 << 30);
        try (UnixDatagramReceiver systemd = new UnixDatagramReceiver(name);
                SystemdNotifier notifier = SystemdNotifier.to(name)) {
            assertTrue(notifier.send("STOPPING=1"));
            assertEquals("STOPPING=1", systemd.receive(WAIT));
        }
    }

    @Test
    void withoutNotifySocketNothingIsSent() {
        try (SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of())) {
            assertFalse(notifier.enabled());
            assertFalse(notifier.send("READY=1"));
        }
    }

    @Test
    void aMissingSocketIsReportedNotThrown() {
        try (SystemdNotifier notifier = SystemdNotifier.to(dir.resolve("nobody-listens").toString())) {
            assertFalse(notifier.send("READY=1"));
        }
    }

    @Test
    void aNameLongerThanSockaddrUnIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SystemdNotifier.to("/" + "x".repeat(108)));
    }

    @Test
    void serviceManagerSendsWatchdogOnlyWhenAskedAndStatusOnlyWhenChanged() throws Exception {
        String path = dir.resolve("notify").toString();
        try (UnixDatagramReceiver systemd = new UnixDatagramReceiver(path);
                ServiceManager manager = new ServiceManager(SystemdNotifier.to(path), true)) {
            manager.ready(ServiceManagerStatusTest.snapshot("ok", "isp1", "up", "isp2", "up"));
            assertEquals("READY=1\nSTATUS=2 providers: isp1 up, isp2 up", systemd.receive(WAIT));
            manager.progressing(ServiceManagerStatusTest.snapshot("ok", "isp1", "up", "isp2", "up"));
            assertEquals("WATCHDOG=1\n", systemd.receive(WAIT));
            manager.progressing(ServiceManagerStatusTest.snapshot("ok", "isp1", "down", "isp2", "up"));
            assertEquals("WATCHDOG=1\nSTATUS=2 providers: isp1 down, isp2 up\n", systemd.receive(WAIT));
        }
        try (UnixDatagramReceiver systemd = new UnixDatagramReceiver(path + "2");
                ServiceManager manager = new ServiceManager(SystemdNotifier.to(path + "2"), false)) {
            manager.ready(ServiceManagerStatusTest.snapshot("ok"));
            assertEquals("READY=1\nSTATUS=no providers", systemd.receive(WAIT));
            manager.progressing(ServiceManagerStatusTest.snapshot("ok"));
            manager.stopping();
            // Datagrams keep their order: nothing came between READY and STOPPING.
            assertEquals("STOPPING=1", systemd.receive(WAIT));
        }
    }

    @Test
    void watchdogFollowsWatchdogPid() {
        String self = Long.toString(ProcessHandle.current().pid());
        assertTrue(watchdog(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", self)));
        assertTrue(watchdog(Map.of("WATCHDOG_USEC", "30000000")));
        assertFalse(watchdog(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "1")));
        assertFalse(watchdog(Map.of()));
    }

    private static boolean watchdog(Map<String, String> environment) {
        try (ServiceManager manager = ServiceManager.fromEnvironment(environment)) {
            return manager.watchdog();
        }
    }
}
