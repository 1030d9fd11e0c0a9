package net.multihome.netconf.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.multihome.netconf.session.TerminationReason;
import net.multihome.netconf.testing.Polling;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real ncclient (Python) against the server; skipped when /usr/bin/python3 has no ncclient. */
class NcclientInteropTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final long PROCESS_TIMEOUT_SECONDS = 60;

    @TempDir
    Path dir;
    private TestFixture fixture;

    @BeforeAll
    static void requireNcclient() throws Exception {
        boolean available = Files.isExecutable(Path.of(PYTHON));
        if (available) {
            Process p = new ProcessBuilder(PYTHON, "-c", "import ncclient").redirectErrorStream(true).start();
            available = p.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS) && p.exitValue() == 0;
            p.destroyForcibly();
        }
        assumeTrue(available, "skipping ncclient interop: " + PYTHON + " cannot import ncclient");
    }

    @BeforeEach
    void startServer() throws Exception {
        fixture = new TestFixture(dir, b -> b);
    }

    @AfterEach
    void stopServer() throws Exception {
        fixture.close();
    }

    private List<String> runNcclient(String user, String secret, String mode) throws Exception {
        Path script = dir.resolve("ncclient_interop.py");
        try (InputStream in = getClass().getResourceAsStream("/ncclient_interop.py")) {
            Files.copy(in, script);
        }
        Process p = new ProcessBuilder(PYTHON, script.toString(), Integer.toString(fixture.server.port()),
                user, secret, mode).redirectErrorStream(true).start();
        try {
            assertTrue(p.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS), "ncclient did not finish in time");
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), output);
            return output.lines().toList();
        } finally {
            p.destroyForcibly();
        }
    }

    private void assertFullConversation(List<String> lines) throws InterruptedException {
        String all = String.join("\n", lines);
        assertTrue(lines.contains("BASE11 True"), all);
        assertTrue(lines.contains("GET True True"), all);
        assertTrue(lines.contains("UNKNOWN RPCError operation-not-supported"), all);
        assertTrue(lines.contains("CLOSE True"), all);
        long id = Long.parseLong(lines.stream().filter(l -> l.startsWith("SESSION ")).findFirst()
                .orElseThrow().substring("SESSION ".length()));
        assertEquals(TerminationReason.CLOSED, Polling.await(
                () -> fixture.ended.get(id) == null ? null : fixture.ended.get(id).reason(), "session end"));
    }

    @Test
    void ncclientPasswordLoginGetAndCloseSession() throws Exception {
        assertFullConversation(runNcclient("admin", "admin", "password"));
    }

    @Test
    void ncclientKeyLoginGetAndCloseSession() throws Exception {
        Path key = dir.resolve("id_ecdsa");
        try (OutputStream out = Files.newOutputStream(key)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(fixture.userKey, "test-key", null, out);
        }
        assertFullConversation(runNcclient("keyuser", key.toString(), "key"));
    }

    @Test
    void ncclientWithWrongPasswordFailsCleanly() throws Exception {
        Path script = dir.resolve("ncclient_interop.py");
        try (InputStream in = getClass().getResourceAsStream("/ncclient_interop.py")) {
            Files.copy(in, script);
        }
        Process p = new ProcessBuilder(PYTHON, script.toString(), Integer.toString(fixture.server.port()),
                "admin", "wrong", "password").redirectErrorStream(true).start();
        try {
            assertTrue(p.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS), "ncclient did not finish in time");
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.exitValue() != 0 && output.contains("AuthenticationError"), output);
        } finally {
            p.destroyForcibly();
        }
    }

}
