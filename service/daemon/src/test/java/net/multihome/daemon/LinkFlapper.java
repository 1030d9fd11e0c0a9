package net.multihome.daemon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Flaps the router's uplink of one provider ({@code ip link set IF down}, then up) at a fixed
 * pace, and leaves the link up when it stops.
 */
final class LinkFlapper implements AutoCloseable {

    private final Lab lab;
    private final String link;
    private final Thread thread;
    private final List<String> failures = new ArrayList<>();
    private volatile boolean stopped;
    private int changes;

    private LinkFlapper(Lab lab, String link, Duration every, Duration load) {
        this.lab = lab;
        this.link = link;
        this.thread = Thread.ofPlatform().name("link-flapper").start(() -> loop(every, load));
    }

    /** Changes {@code link} every {@code every} for {@code load}. */
    static LinkFlapper start(Lab lab, String link, Duration every, Duration load) {
        return new LinkFlapper(lab, link, every, load);
    }

    private void loop(Duration every, Duration load) {
        long start = System.nanoTime();
        long maxChanges = load.toNanos() / every.toNanos();
        try {
            for (long i = 0; i < maxChanges && !stopped; i++) {
                set(i % 2 == 0 ? "down" : "up");
                long next = start + (i + 1) * every.toNanos();
                Thread.sleep(Duration.ofNanos(Math.max(0, next - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            set("up");
        }
    }

    private void set(String state) {
        try {
            lab.ip("link", "set", link, state);
            synchronized (this) {
                changes++;
            }
        } catch (RuntimeException | AssertionError e) {
            synchronized (this) {
                failures.add("ip link set " + link + " " + state + ": " + e.getMessage());
            }
        }
    }

    /** Link changes made, and those that failed. */
    record Result(int changes, List<String> failures) {
    }

    /** Waits for the flapping to end, at most {@code wait}. */
    Result await(Duration wait) throws InterruptedException {
        if (!thread.join(wait)) {
            synchronized (this) {
                failures.add("still flapping after " + wait + " (an ip command hangs)");
            }
        }
        synchronized (this) {
            return new Result(changes, List.copyOf(failures));
        }
    }

    /** Stops at the next change (no interrupt: the last change, link up, must still be made). */
    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(Duration.ofSeconds(65));
    }
}
