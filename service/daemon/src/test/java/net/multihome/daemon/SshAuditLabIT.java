package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import net.multihome.testing.Await;
import net.multihome.testing.CommandResult;
import net.multihome.testing.Commands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's ssh-audit against the lab's NETCONF port, as an operator would audit port 830: no
 * failure, and no warning but the one ssh-audit before 3.1 prints for the strict-kex marker
 * (Terrapin's fix, newer than that ssh-audit).
 */
@Tag("netns")
class SshAuditLabIT {
    private static final Path SSH_AUDIT = Path.of("/usr/bin/ssh-audit");
    private static final String STRICT_KEX_UNKNOWN_TO_OLD_AUDIT =
            "(kex) kex-strict-s-v00@openssh.com -- [warn] unknown algorithm";

    @TempDir
    Path dir;

    private Lab lab;

    @AfterEach
    void down() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void theLabsNetconfPortPassesSshAudit() {
        assumeTrue(Files.isExecutable(SSH_AUDIT), "needs ssh-audit");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "needs socat for the lab's NETCONF forwarder");
        lab = Lab.up(dir);
        AtomicReference<CommandResult> audit = new AtomicReference<>();
        // The forwarder accepts before the daemon listens; audit until the server has answered.
        boolean answered = Await.within(Duration.ofSeconds(30), () -> {
            audit.set(Commands.run(List.of(SSH_AUDIT.toString(), "-n", "-p", Integer.toString(lab.netconfPort),
                    "127.0.0.1"), Map.of(), Duration.ofSeconds(30)));
            return audit.get().output().contains("(key) ");
        });
        String report = audit.get().output();
        assertTrue(answered, "ssh-audit never got an answer: " + report + "\n" + lab.daemonLog());
        List<String> findings = report.lines()
                .filter(l -> l.contains("[fail]") || l.contains("[warn]"))
                .filter(l -> !l.replaceAll("\\s+", " ").strip().equals(STRICT_KEX_UNKNOWN_TO_OLD_AUDIT))
                .toList();
        assertEquals(List.of(), findings, report);
        assertEquals(List.of("(key) ssh-ed25519"), report.lines().filter(l -> l.startsWith("(key) "))
                .map(l -> l.split(" +--")[0].strip()).toList(), report);
        assertTrue(!report.contains("(rec)"), "no recommendation left: " + report);
        // ssh-audit exits 0 when clean, 2 on warnings, 3 on failures.
        boolean oldAuditWarned = report.lines()
                .anyMatch(l -> l.replaceAll("\\s+", " ").strip().equals(STRICT_KEX_UNKNOWN_TO_OLD_AUDIT));
        assertEquals(oldAuditWarned ? 2 : 0, audit.get().exitCode(), report);
    }
}
