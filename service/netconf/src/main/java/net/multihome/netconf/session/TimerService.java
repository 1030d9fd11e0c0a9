package net.multihome.netconf.session;

import java.time.Duration;

/** Schedules session timeouts; injected so tests fire them without waiting. */
@FunctionalInterface
interface TimerService {
    /** @return an action that cancels the task if it has not run yet */
    Runnable schedule(Runnable task, Duration delay);
}
