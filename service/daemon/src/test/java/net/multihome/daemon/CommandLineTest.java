package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line's help, version and errors: every error is one line on stderr and a non-zero exit. */
class CommandLineTest {

    @TempDir
    Path dir;

    private static void assertOneErrorLine(CommandRun result, int status, String line) {
        assertEquals(new CommandRun(status, "", line + "\n"), result);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void helpListsEveryCommandOnStdout(String help) {
        CommandRun result = CommandRun.of(help);
        assertEquals(0, result.status());
        assertEquals("", result.err());
        for (String command : new String[] {"daemon", "status [--json]", "validate FILE", "version", "lab up"}) {
            assertTrue(result.out().contains("\n  " + command), result.out());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"daemon", "validate", "status", "version"})
    void everyCommandHasHelp(String command) {
        CommandRun result = CommandRun.of(command, "--help");
        assertEquals(0, result.status());
        assertTrue(result.out().startsWith("usage: multihome " + command), result.out());
        assertEquals(result, CommandRun.of(command, "-h"));
    }

    @Test
    void versionPrintsTheBuildsVersion() {
        CommandRun result = CommandRun.of("version");
        assertEquals(0, result.status());
        assertTrue(result.out().matches("multihome \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"), result.out());
    }

    @Test
    void errorsAreOneLine() {
        assertOneErrorLine(CommandRun.of(), 2, "multihome: no command given (see multihome --help)");
        assertOneErrorLine(CommandRun.of("frobnicate"), 2, "multihome: unknown command 'frobnicate' (commands: daemon, status,"
                + " validate FILE, version, lab; see multihome --help)");
        assertOneErrorLine(CommandRun.of("version", "x"), 2, "multihome version: unexpected argument 'x'");
        assertOneErrorLine(CommandRun.of("status", "--yaml"), 2,
                "multihome status: unknown argument '--yaml' (see multihome status --help)");
        assertOneErrorLine(CommandRun.of("status", "--socket"), 2, "multihome status: option --socket needs a value");
        assertOneErrorLine(CommandRun.of("daemon", "--bogus", "1"), 2,
                "multihome daemon: unknown option --bogus (see multihome daemon --help)");
    }

    @Test
    void statusWithoutADaemonSaysSoInOneLine() {
        Path socket = dir.resolve("status.sock");
        assertOneErrorLine(CommandRun.of("status", "--socket", socket.toString()), 1,
                "multihome: no daemon at " + socket + ": no such file or directory");
    }

    @Test
    void statusFromASocketADeadDaemonLeftSaysConnectionRefused() throws Exception {
        Path socket = dir.resolve("status.sock");
        ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(socket)).close();
        assertOneErrorLine(CommandRun.of("status", "--json", "--socket", socket.toString()), 1,
                "multihome: no daemon at " + socket + ": connection refused");
    }
}
