package net.multihome.core.time;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** {@link Scheduler} on the system clocks and one platform thread. */
final class SystemScheduler implements Scheduler {

    private final ScheduledThreadPoolExecutor executor;

    SystemScheduler(String threadName) {
        executor = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name(threadName).daemon().factory());
        // Cancelled timers (a safety pass rescheduled after every pass) must not pile up in the queue.
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        return cancelling(executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS));
    }

    @Override
    public Timer every(Duration initialDelay, Duration period, Runnable task) {
        return cancelling(executor.scheduleAtFixedRate(task, initialDelay.toNanos(), period.toNanos(),
                TimeUnit.NANOSECONDS));
    }

    private static Timer cancelling(ScheduledFuture<?> future) {
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
