package net.multihome.daemon.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;
import net.multihome.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryWatchTest {

    @TempDir
    Path dir;

    @Test
    void twoDirectoriesOnOneWatchEachHearOnlyTheirOwnChanges() throws Exception {
        AtomicInteger a = new AtomicInteger();
        AtomicInteger b = new AtomicInteger();
        try (DirectoryWatch watch = DirectoryWatch.start("test-watch")) {
            watch.add(dir.resolve("a"), "a", a::incrementAndGet);
            watch.add(dir.resolve("b"), "b", b::incrementAndGet);
            Files.writeString(dir.resolve("a/file"), "x");
            Await.until("a's change", () -> a.get() > 0);
            int heardByB = b.get();
            Files.writeString(dir.resolve("b/file"), "x");
            Await.until("b's change", () -> b.get() > heardByB);
        }
    }

    @Test
    void aRemovedDirectoryIsMadeAgainAndItsCallbackRunsThen() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Path watched = dir.resolve("leases");
        try (DirectoryWatch watch = DirectoryWatch.start("test-watch")) {
            watch.add(watched, "leases", calls::incrementAndGet);
            Files.delete(watched);
            Await.until("the directory made again", () -> Files.isDirectory(watched));
            Await.until("the callback after it was made", () -> calls.get() > 0);
            int before = calls.get();
            Files.writeString(watched.resolve("file"), "x");
            Await.until("a change in the new directory", () -> calls.get() > before);
        }
    }

    @Test
    void aFailingCallbackDoesNotStopTheWatch() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (DirectoryWatch watch = DirectoryWatch.start("test-watch")) {
            watch.add(dir.resolve("d"), "d", () -> {
                calls.incrementAndGet();
                throw new IllegalStateException("broken consumer");
            });
            Files.writeString(dir.resolve("d/one"), "x");
            Await.until("the first change", () -> calls.get() > 0);
            int before = calls.get();
            Files.writeString(dir.resolve("d/two"), "x");
            Await.until("the change after the failure", () -> calls.get() > before);
        }
    }

    @Test
    void aWatchOfOneNameIsNotCalledForOtherFilesBesideIt() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Path watched = dir.resolve("run");
        try (DirectoryWatch watch = DirectoryWatch.start("test-watch")) {
            watch.addReplaced(watched, "state", Path.of("state")::equals, calls::incrementAndGet);
            for (int i = 0; i < 20; i++) {
                Files.writeString(watched.resolve("daemon.log"), "line " + i + "\n", StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            // Replaced as vrrp-notify does: a plain write may reach the watch as two batches (create, modify).
            Path written = Files.writeString(watched.resolve("state.new"), "MASTER\n");
            Files.move(written, watched.resolve("state"), StandardCopyOption.ATOMIC_MOVE);
            Await.until("the state file's change", () -> calls.get() > 0);
            assertEquals(1, calls.get(), "the log's changes came before and called nothing");
        }
    }

    @Test
    void aDirectoryIsWatchedOnce() throws Exception {
        try (DirectoryWatch watch = DirectoryWatch.start("test-watch")) {
            watch.add(dir, "d", () -> { });
            assertThrows(IllegalStateException.class, () -> watch.add(dir, "d", () -> { }));
        }
    }
}
