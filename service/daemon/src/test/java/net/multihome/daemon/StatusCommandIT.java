package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import net.multihome.testing.Await;
import net.multihome.testing.CommandResult;
import net.multihome.testing.Root;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code multihome lab status}, as a person runs it against the lab's daemon: both providers up
 * in the text and the JSON view, a user who is neither root nor in group multihome refused, and
 * one line once the daemon is stopped.
 */
@Tag("netns")
class StatusCommandIT {

    private static final List<String> NOBODY = List.of("setpriv", "--reuid", "65534", "--regid", "65534",
            "--clear-groups");

    @TempDir
    Path dir;

    @Test
    void statusShowsBothProvidersUpAndRefusesOtherUsers() throws Exception {
        Root.assume();
        // The socket is open to all; the peer credentials decide. So others may reach it.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Lab lab = Lab.up(dir)) {
            AtomicReference<String> text = new AtomicReference<>("");
            boolean bothUp = Await.within(Duration.ofSeconds(20), () -> {
                text.set(lab.lab("status"));
                return text.get().contains("provider isp1: up\n") && text.get().contains("provider isp2: up\n");
            });
            assertTrue(bothUp, "last status:\n" + text.get() + "\nlog:\n" + lab.daemonLog());
            assertTrue(text.get().contains("  interface:  if1 (ifindex "), text.get());
            assertTrue(text.get().contains("  address:    203.0.113.2\n"), text.get());
            assertTrue(text.get().matches("(?s).*last pass: .*, #\\d+, ok, took \\d+ ms\n.*"), text.get());

            String json = lab.lab("status", "--json");
            assertTrue(json.startsWith("{\"taken\":\""), json);
            assertTrue(json.contains("{\"name\":\"isp1\",\"oper-status\":\"up\","), json);
            assertTrue(json.contains("{\"name\":\"isp2\",\"oper-status\":\"up\","), json);
            assertTrue(json.contains("\"outcome\":\"ok\""), json);
            assertEquals(1, json.lines().count(), json);

            CommandResult refused = lab.labThrough(NOBODY, "status");
            assertEquals(1, refused.exitCode(), refused.output());
            assertEquals("multihome: permission denied: uid 65534 is neither root nor in group multihome\n",
                    refused.output());
            assertTrue(lab.daemonLog().contains("status socket: multihome: permission denied: uid 65534"),
                    lab.daemonLog());

            lab.lab("stop-daemon");
            CommandResult stopped = lab.labThrough(List.of(), "status");
            assertEquals(1, stopped.exitCode(), stopped.output());
            assertEquals("multihome: no daemon at " + lab.runDir.resolve("status.sock") + ": no such file or directory\n",
                    stopped.output());
        }
    }
}
