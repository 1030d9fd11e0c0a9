package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line's help, version and errors: every error is one line on stderr and a non-zero exit. */
class CommandLineTest {

    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertOneErrorLine(Result result, int status, String line) {
        assertEquals(new Result(status, "", line + "\n"), result);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void helpListsEveryCommandOnStdout(String help) {
        Result result = run(help);
        assertEquals(0, result.status());
        assertEquals("", result.err());
        for (String command : new String[] {"daemon", "status [--json]", "validate FILE", "version", "lab up"}) {
            assertTrue(result.out().contains("\n  " + command), result.out());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"daemon", "validate", "status", "version"})
    void everyCommandHasHelp(String command) {
        Result result = run(command, "--help");
        assertEquals(0, result.status());
        assertTrue(result.out().startsWith("usage: multihome " + command), result.out());
        assertEquals(result, run(command, "-h"));
    }

    @Test
    void versionPrintsTheBuildsVersion() {
        Result result = run("version");
        assertEquals(0, result.status());
        assertTrue(result.out().matches("multihome \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"), result.out());
    }

    @Test
    void errorsAreOneLine() {
        assertOneErrorLine(run(), 2, "multihome: no command given (see multihome --help)");
        assertOneErrorLine(run("frobnicate"), 2, "multihome: unknown command 'frobnicate' (commands: daemon, status,"
                + " validate FILE, version, lab; see multihome --help)");
        assertOneErrorLine(run("version", "x"), 2, "multihome version: unexpected argument 'x'");
        assertOneErrorLine(run("status", "--yaml"), 2,
                "multihome status: unknown argument '--yaml' (see multihome status --help)");
        assertOneErrorLine(run("status", "--socket"), 2, "multihome status: option --socket needs a value");
        assertOneErrorLine(run("daemon", "--bogus", "1"), 2,
                "multihome daemon: unknown option --bogus (see multihome daemon --help)");
    }

    @Test
    void statusWithoutADaemonSaysSoInOneLine() {
        Path socket = dir.resolve("status.sock");
        assertOneErrorLine(run("status", "--socket", socket.toString()), 1,
                "multihome: no daemon at " + socket + ": no such file or directory");
    }

    @Test
    void statusFromASocketADeadDaemonLeftSaysConnectionRefused() throws Exception {
        Path socket = dir.resolve("status.sock");
        ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(socket)).close();
        assertOneErrorLine(run("status", "--json", "--socket", socket.toString()), 1,
                "multihome: no daemon at " + socket + ": connection refused");
    }
}
