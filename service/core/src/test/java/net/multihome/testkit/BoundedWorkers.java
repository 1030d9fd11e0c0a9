package net.multihome.testkit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Categories of worker threads that repeat one step each until their category has done its
 * target count or the deadline passes, whichever comes first; then it reports how far each
 * got. A worker that does not end after the deadline (a deadlock, a lock cycle, a wait
 * without a bound) is reported with every thread's stack and the JVM's deadlock finding,
 * instead of hanging the build.
 */
public final class BoundedWorkers implements AutoCloseable {

    /** One operation of a category; it must bound any wait of its own. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private static final Duration JOIN_GRACE = Duration.ofSeconds(5);

    private record Category(String name, long target, AtomicLong done) {
    }

    private final Duration deadline;
    private final Map<String, Category> categories = new LinkedHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private volatile boolean stopped;

    public BoundedWorkers(Duration deadline) {
        this.deadline = deadline;
    }

    /** Starts {@code threads} threads that together run {@code step} {@code target} times. */
    public void start(String name, int threads, long target, Step step) {
        startEach(name, threads, target, () -> step);
    }

    /** Like {@link #start}, each thread with a step of its own (for steps with state). */
    public void startEach(String name, int threads, long target, Supplier<Step> steps) {
        Category category = new Category(name, target, new AtomicLong());
        categories.put(name, category);
        for (int i = 0; i < threads; i++) {
            Step step = steps.get();
            this.threads.add(Thread.ofPlatform().name("stress-" + name + "-" + i).daemon().start(() -> {
                try {
                    while (!stopped && category.done().get() < target) {
                        step.run();
                        category.done().incrementAndGet();
                    }
                } catch (Exception | AssertionError e) {
                    failures.add(name + ": " + e);
                } catch (Throwable t) {
                    failures.add(name + ": " + t);
                    throw t;
                }
            }));
        }
    }

    /** Waits until every category reached its target or the deadline passed, then stops and joins every worker. */
    public Outcome await() {
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        while (System.nanoTime() - end < 0 && failures.isEmpty()
                && categories.values().stream().anyMatch(c -> c.done().get() < c.target())) {
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        stopped = true;
        long joinEnd = System.nanoTime() + JOIN_GRACE.toNanos();
        List<String> stuck = new ArrayList<>();
        for (Thread t : threads) {
            try {
                t.join(Duration.ofNanos(Math.max(1, joinEnd - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                stuck.add(t.getName());
            }
        }
        Map<String, Long> done = new LinkedHashMap<>();
        Map<String, Long> targets = new LinkedHashMap<>();
        categories.forEach((name, c) -> {
            done.put(name, c.done().get());
            targets.put(name, c.target());
        });
        return new Outcome(done, targets, took, List.copyOf(failures), stuck, stuck.isEmpty() ? "" : threadDump());
    }

    /** Stops the workers without waiting (for a test that fails before {@link #await}). */
    @Override
    public void close() {
        stopped = true;
    }

    /** How far each category got, in how long, and what went wrong. */
    public record Outcome(Map<String, Long> done, Map<String, Long> targets, Duration took, List<String> failures,
            List<String> stuck, String threadDump) {

        public long total() {
            return done.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Whether every category reached its target, nothing failed and every worker ended. */
        public boolean complete() {
            return failures.isEmpty() && stuck.isEmpty()
                    && targets.entrySet().stream().allMatch(e -> done.get(e.getKey()) >= e.getValue());
        }

        @Override
        public String toString() {
            return "done " + done + " of " + targets + " (total " + total() + ") in " + took.toMillis() + " ms"
                    + (failures.isEmpty() ? "" : "\nfailures: " + failures)
                    + (stuck.isEmpty() ? "" : "\nworkers that did not end: " + stuck + "\n" + threadDump);
        }
    }

    /** Every thread's stack with the locks it holds and waits for, deadlocked ones first. */
    static String threadDump() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] deadlocked = mx.findDeadlockedThreads();
        StringBuilder out = new StringBuilder();
        if (deadlocked != null) {
            out.append("DEADLOCK among: ").append(Arrays.stream(mx.getThreadInfo(deadlocked))
                    .map(ThreadInfo::getThreadName).collect(Collectors.joining(", "))).append('\n');
        }
        for (ThreadInfo info : mx.dumpAllThreads(true, true)) {
            out.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
            if (info.getLockName() != null) {
                out.append(" on ").append(info.getLockName()).append(" owned by ").append(info.getLockOwnerName());
            }
            out.append('\n');
            for (StackTraceElement frame : info.getStackTrace()) {
                out.append("    at ").append(frame).append('\n');
            }
        }
        return out.toString();
    }
}
