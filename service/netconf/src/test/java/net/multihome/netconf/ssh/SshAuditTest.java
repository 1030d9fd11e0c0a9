package net.multihome.netconf.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's ssh-audit against the server: no failure, and no warning but one. ssh-audit before 3.1
 * (Debian 12 has 2.5.0) predates Terrapin and warns that the strict-kex marker, its fix, is an
 * unknown algorithm; that warning alone is accepted. Skipped without ssh-audit.
 */
class SshAuditTest {
    private static final Path SSH_AUDIT = Path.of("/usr/bin/ssh-audit");
    private static final long PROCESS_TIMEOUT_SECONDS = 60;
    private static final String STRICT_KEX_UNKNOWN_TO_OLD_AUDIT =
            "(kex) kex-strict-s-v00@openssh.com -- [warn] unknown algorithm";

    @TempDir
    Path dir;
    private TestFixture fixture;

    @BeforeEach
    void startServer() throws Exception {
        assumeTrue(Files.isExecutable(SSH_AUDIT), "skipping: " + SSH_AUDIT + " is not installed");
        fixture = new TestFixture(dir, b -> b);
    }

    @AfterEach
    void stopServer() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void sshAuditReportsNoFailureAndNoWarning() throws Exception {
        Process p = new ProcessBuilder(SSH_AUDIT.toString(), "-n", "-p", Integer.toString(fixture.server.port()),
                "127.0.0.1").redirectErrorStream(true).start();
        String report;
        try {
            assertTrue(p.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS), "ssh-audit finished");
            report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            p.destroyForcibly();
        }
        List<String> findings = report.lines()
                .filter(l -> l.contains("[fail]") || l.contains("[warn]"))
                .filter(l -> !l.replaceAll("\\s+", " ").strip().equals(STRICT_KEX_UNKNOWN_TO_OLD_AUDIT))
                .toList();
        assertEquals(List.of(), findings, report);
        assertTrue(report.lines().anyMatch(l -> l.startsWith("(key) ")), report);
        assertEquals(List.of("(key) ssh-ed25519"), report.lines().filter(l -> l.startsWith("(key) "))
                .map(l -> l.split(" +--")[0].strip()).toList(), "the only host key: " + report);
        assertTrue(report.contains("(kex) curve25519-sha256"), report);
        assertTrue(report.contains("(kex) kex-strict-s-v00@openssh.com"), "Terrapin's fix stays: " + report);
        assertTrue(!report.contains("(rec)"), "no recommendation left: " + report);
        // ssh-audit exits 0 when clean, 2 on warnings, 3 on failures.
        boolean oldAuditWarned = report.lines()
                .anyMatch(l -> l.replaceAll("\\s+", " ").strip().equals(STRICT_KEX_UNKNOWN_TO_OLD_AUDIT));
        assertEquals(oldAuditWarned ? 2 : 0, p.exitValue(), report);
    }
}
