package net.multihome.core.time;

import java.time.Duration;
import java.time.Instant;

/**
 * Clocks and timers. Tasks run on the scheduler's own thread and must not block: they hand
 * work to their owner (a flag and a wake-up, an executor), never do it in place.
 */
public interface Scheduler extends AutoCloseable {

    /** Wall-clock time, for time stamps people read. */
    Instant now();

    /** Monotonic nanoseconds, for intervals and deadlines. */
    long nanoTime();

    /** Runs {@code task} once after {@code delay}. */
    Timer schedule(Duration delay, Runnable task);

    /** Runs {@code task} after {@code initialDelay}, then every {@code period} until cancelled. */
    Timer every(Duration initialDelay, Duration period, Runnable task);

    /** Cancels every timer; tasks already running finish. */
    @Override
    void close();

    /** A scheduler on the system clocks with one daemon thread of that name. */
    static Scheduler system(String threadName) {
        return new SystemScheduler(threadName);
    }

    /** A pending task. */
    @FunctionalInterface
    interface Timer {
        /** Stops it; a no-op when it already ran or was cancelled. */
        void cancel();
    }
}
