package net.multihome.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Polls a condition every 10 ms until it holds or a deadline passes, instead of sleeping a fixed time. */
public final class Await {

    /** Long enough for any state a namespace test waits for on a loaded machine. */
    public static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final long INTERVAL_NANOS = Duration.ofMillis(10).toNanos();

    private Await() {
    }

    /** Fails the test when {@code condition} does not hold within {@link #DEADLINE}. */
    public static void until(String what, BooleanSupplier condition) {
        if (!within(DEADLINE, condition)) {
            throw new AssertionError("timed out after " + DEADLINE + " waiting for " + what);
        }
    }

    /** Whether {@code condition} held within {@code deadline}. */
    public static boolean within(Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0 || Thread.currentThread().isInterrupted()) {
                return condition.getAsBoolean();
            }
            LockSupport.parkNanos(INTERVAL_NANOS);
        }
        return true;
    }
}
