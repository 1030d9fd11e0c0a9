package net.multihome.daemon;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import net.multihome.core.time.Scheduler;

/**
 * Watches that the daemon's own loops make progress. Every second it asks each watched part
 * how long it has been stalled; the first that is past its limit is handed to {@code onStall}
 * once (the daemon dumps its threads and exits, so the service manager restarts it; the
 * kernel state, and so traffic, stays); a look that finds every part within its limit calls
 * {@code onProgress} (the systemd watchdog is fed from there). It runs on a scheduler of its own, so a wedged
 * daemon thread cannot silence it.
 */
final class SelfCheck implements AutoCloseable {

    /**
     * One watched part.
     *
     * @param what its name in the log, e.g. "reconcile loop"
     * @param stalledFor how long it has had work it did not finish; zero while it idles or progresses
     * @param limit how long a stall may last
     */
    record Watch(String what, Supplier<Duration> stalledFor, Supplier<Duration> limit) {
    }

    private final List<Watch> watches;
    private final BiConsumer<Watch, Duration> onStall;
    private final Runnable onProgress;
    private final Scheduler scheduler;
    private boolean fired;

    SelfCheck(List<Watch> watches, Scheduler scheduler, BiConsumer<Watch, Duration> onStall, Runnable onProgress) {
        this.watches = List.copyOf(watches);
        this.scheduler = scheduler;
        this.onStall = Objects.requireNonNull(onStall);
        this.onProgress = Objects.requireNonNull(onProgress);
    }

    void start() {
        scheduler.every(Duration.ofSeconds(1), Duration.ofSeconds(1), this::check);
    }

    /** One look at every part; runs on the scheduler's single thread. */
    void check() {
        if (fired) {
            return;
        }
        for (Watch watch : watches) {
            Duration stalled = watch.stalledFor().get();
            if (stalled.compareTo(watch.limit().get()) > 0) {
                fired = true;
                onStall.accept(watch, stalled);
                return;
            }
        }
        onProgress.run();
    }

    @Override
    public void close() {
        scheduler.close();
    }
}
