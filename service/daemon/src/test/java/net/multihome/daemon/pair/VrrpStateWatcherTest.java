package net.multihome.daemon.pair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.multihome.core.pair.VrrpState;
import net.multihome.core.pair.VrrpStatus;
import net.multihome.daemon.watch.DirectoryWatch;
import net.multihome.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state file as the notify script replaces it (a temporary file moved over it), followed through inotify. */
class VrrpStateWatcherTest {

    @TempDir
    Path dir;

    private void notify(String state) throws Exception {
        Path tmp = Files.writeString(dir.resolve("vrrp-state.XXXX"), state + "\n");
        Files.move(tmp, dir.resolve("vrrp-state"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void followsEachStateTheScriptWrites() throws Exception {
        notify("BACKUP");
        try (DirectoryWatch files = DirectoryWatch.start("test-watch")) {
            VrrpStateWatcher watcher = VrrpStateWatcher.open(dir.resolve("vrrp-state"));
            assertEquals(VrrpState.BACKUP, watcher.state(), "read once when opened");
            watcher.watch(files);
            notify("MASTER");
            assertTrue(Await.within(Duration.ofSeconds(5), () -> watcher.state() == VrrpState.MASTER));
            notify("FAULT");
            assertTrue(Await.within(Duration.ofSeconds(5), () -> watcher.state() == VrrpState.FAULT));
            Files.delete(dir.resolve("vrrp-state"));
            assertTrue(Await.within(Duration.ofSeconds(5), () -> watcher.state() == VrrpState.UNKNOWN));
        }
    }

    @Test
    void subscribersHearEachChangeOnceDatedByTheClockAndTheFirstStateIsDatedByTheFile() throws Exception {
        notify("BACKUP");
        Instant written = Files.getLastModifiedTime(dir.resolve("vrrp-state")).toInstant();
        Instant now = Instant.parse("2026-12-04T10:00:00Z");
        List<VrrpStatus> heard = new CopyOnWriteArrayList<>();
        try (DirectoryWatch files = DirectoryWatch.start("test-watch")) {
            VrrpStateWatcher watcher = VrrpStateWatcher.open(dir.resolve("vrrp-state"), () -> now);
            assertEquals(new VrrpStatus(VrrpState.BACKUP, written), watcher.current());
            watcher.subscribe(heard::add);
            watcher.watch(files);
            notify("BACKUP");
            notify("MASTER");
            assertTrue(Await.within(Duration.ofSeconds(5), () -> watcher.state() == VrrpState.MASTER));
            assertEquals(List.of(new VrrpStatus(VrrpState.MASTER, now)), heard, "the rewritten BACKUP is no change");
            assertEquals(new VrrpStatus(VrrpState.MASTER, now), watcher.current());
        }
    }

    @Test
    void noFileYetIsUnknownAndAFileThatIsNoStateToo() throws Exception {
        try (DirectoryWatch files = DirectoryWatch.start("test-watch")) {
            VrrpStateWatcher watcher = VrrpStateWatcher.open(dir.resolve("vrrp-state"));
            assertEquals(VrrpState.UNKNOWN, watcher.state());
            watcher.watch(files);
            notify("MASTER");
            assertTrue(Await.within(Duration.ofSeconds(5), () -> watcher.state() == VrrpState.MASTER));
            notify("x".repeat(100));
            assertTrue(Await.within(Duration.ofSeconds(5), () -> watcher.state() == VrrpState.UNKNOWN));
        }
    }
}
