package net.multihome.netconf.session;

import java.time.Clock;
import java.util.List;

/** What every session of one server shares. */
record SessionContext(SessionLimits limits, List<String> capabilities, SessionRegistry registry,
                      RpcDispatcher dispatcher, SessionListener listener, Clock clock,
                      TimerService timers, Runnable onRelease) {

    /** Called once by each session as it ends, to free its place under maxSessions. */
    void released() {
        onRelease.run();
    }
}
