package net.multihome.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.multihome.core.time.Scheduler;

/**
 * A {@link Scheduler} whose time moves only when a test says so: {@link #advance} runs every
 * task that falls due, in time order, on the test's thread.
 */
public final class ManualScheduler implements Scheduler {

    private final Instant epoch;
    private long nanos;
    private long sequence;
    private final List<Task> tasks = new ArrayList<>();

    private final class Task implements Timer {
        private long due;
        private final long period;
        private final long order = sequence++;
        private final Runnable action;
        private volatile boolean cancelled;

        private Task(long due, long period, Runnable action) {
            this.due = due;
            this.period = period;
            this.action = action;
        }

        @Override
        public void cancel() {
            synchronized (ManualScheduler.this) {
                cancelled = true;
                tasks.remove(this);
            }
        }
    }

    public ManualScheduler(Instant start) {
        this.epoch = start;
    }

    @Override
    public synchronized Instant now() {
        return epoch.plusNanos(nanos);
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized Timer schedule(Duration delay, Runnable task) {
        Task t = new Task(nanos + delay.toNanos(), 0, task);
        tasks.add(t);
        return t;
    }

    @Override
    public synchronized Timer every(Duration initialDelay, Duration period, Runnable task) {
        Task t = new Task(nanos + initialDelay.toNanos(), period.toNanos(), task);
        tasks.add(t);
        return t;
    }

    /** Moves time forward by {@code by}, running each task as its time comes. */
    public void advance(Duration by) {
        long until;
        synchronized (this) {
            until = nanos + by.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(t -> t.due <= until)
                        .min(Comparator.comparingLong((Task t) -> t.due).thenComparingLong(t -> t.order))
                        .orElse(null);
                if (next == null) {
                    nanos = until;
                    return;
                }
                nanos = Math.max(nanos, next.due);
                if (next.period > 0) {
                    next.due += next.period;
                } else {
                    tasks.remove(next);
                }
            }
            // Outside the lock: a task may schedule or cancel timers.
            if (!next.cancelled) {
                next.action.run();
            }
        }
    }

    /** Timers waiting to fire. */
    public synchronized int pending() {
        return tasks.size();
    }

    @Override
    public synchronized void close() {
        tasks.clear();
    }
}
