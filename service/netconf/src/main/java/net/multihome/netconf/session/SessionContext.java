package net.multihome.netconf.session;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** What every session of one server shares. */
record SessionContext(SessionLimits limits, List<String> capabilities, SessionRegistry registry,
                      RpcDispatcher dispatcher, SessionListener listener, Clock clock,
                      ScheduledExecutorService timers, Runnable onRelease) {

    Future<?> schedule(Runnable task, Duration delay) {
        return timers.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Called once by each session as it ends, to free its place under maxSessions. */
    void released() {
        onRelease.run();
    }
}
