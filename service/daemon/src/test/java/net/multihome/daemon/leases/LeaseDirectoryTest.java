package net.multihome.daemon.leases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicInteger;
import net.multihome.daemon.watch.DirectoryWatch;
import net.multihome.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaseDirectoryTest {

    @TempDir
    Path dir;

    /** As the hook writes: a dot file, renamed into place. */
    private static void write(Path leases, String name, String text) throws IOException {
        Path tmp = leases.resolve("." + name + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, leases.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void leasesAreSeenAsWrittenIgnoredWhenWrongAndFollowedIntoARecreatedDirectory() throws Exception {
        Path leases = dir.resolve("leases");
        AtomicInteger wakes = new AtomicInteger();
        try (DirectoryWatch watch = DirectoryWatch.start("test-watch")) {
            LeaseDirectory directory = LeaseDirectory.open(leases);
            directory.watch(watch, wakes::incrementAndGet);
            write(leases, "if2.dhcp4", "reason=BOUND\naddress=203.0.113.77\nsubnet-mask=255.255.255.192\n"
                    + "routers=203.0.113.65\n");
            Await.until("the lease on if2", () -> directory.leases().containsKey("if2"));
            assertEquals("203.0.113.65", directory.leases().get("if2").gateway().getHostAddress());
            assertTrue(wakes.get() >= 1);

            write(leases, "if3.dhcp4", "reason=BOUND\naddress=nonsense\n");
            write(leases, "if4.dhcp4", "reason=EXPIRE\n");
            Await.until("the loss on if4", () -> directory.leases().containsKey("if4"));
            assertTrue(!directory.leases().containsKey("if3"), "a file that is not a lease counts as none");

            try (var files = Files.list(leases)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(leases);
            Await.until("the leases gone with their directory", () -> directory.leases().isEmpty());
            Await.until("the directory made again", () -> Files.isDirectory(leases));
            write(leases, "if2.dhcp4", "reason=REBOOT\naddress=203.0.113.78\nsubnet-mask=255.255.255.192\n");
            Await.until("a lease in the new directory", () -> directory.leases().containsKey("if2"));
        }
    }
}
