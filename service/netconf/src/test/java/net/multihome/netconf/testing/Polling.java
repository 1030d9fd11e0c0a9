package net.multihome.netconf.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls for a state with a deadline instead of sleeping a fixed time. */
public final class Polling {
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long INTERVAL_MS = 10;

    private Polling() {
    }

    /** The first non-null value {@code probe} yields within {@link #TIMEOUT}. */
    public static <T> T await(Supplier<T> probe, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(INTERVAL_MS);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    public static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        await(() -> condition.getAsBoolean() ? Boolean.TRUE : null, what);
    }
}
