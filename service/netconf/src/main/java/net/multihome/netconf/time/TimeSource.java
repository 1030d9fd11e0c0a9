package net.multihome.netconf.time;

import java.time.Duration;
import java.time.Instant;

/** The current time and a scheduler on the same clock. */
public interface TimeSource {
    Instant now();

    /**
     * Runs {@code task} once after {@code delay}, on a thread of the time source.
     *
     * @return an action that cancels the task if it has not run yet
     */
    Runnable schedule(Duration delay, Runnable task);
}
