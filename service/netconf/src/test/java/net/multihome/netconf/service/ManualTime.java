package net.multihome.netconf.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.multihome.netconf.time.TimeSource;

/** A time source that moves only when a test advances it; due tasks run on the advancing thread. */
final class ManualTime implements TimeSource {
    private record Task(Instant due, Runnable action, long seq) {
    }

    private Instant now = Instant.parse("2026-11-28T12:00:00Z");
    private final List<Task> tasks = new ArrayList<>();
    private long seq;

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Runnable schedule(Duration delay, Runnable action) {
        Task task = new Task(now.plus(delay), action, seq++);
        tasks.add(task);
        return () -> {
            synchronized (this) {
                tasks.remove(task);
            }
        };
    }

    synchronized int pending() {
        return tasks.size();
    }

    /** Moves the clock forward and runs every task that became due, in order. */
    void advance(Duration by) {
        Instant target;
        synchronized (this) {
            target = now.plus(by);
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(t -> !t.due().isAfter(target))
                        .min(Comparator.comparing(Task::due).thenComparingLong(Task::seq)).orElse(null);
                if (next == null) {
                    now = target;
                    return;
                }
                tasks.remove(next);
                now = next.due();
            }
            next.action().run();
        }
    }
}
