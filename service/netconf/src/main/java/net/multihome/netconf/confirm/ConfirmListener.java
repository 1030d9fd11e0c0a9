package net.multihome.netconf.confirm;

import java.time.Duration;
import java.util.Optional;
import net.multihome.netconf.rpc.NetconfSession;

/** Told of confirmed-commit events, for netconf-confirmed-commit notifications. Must not block. */
@FunctionalInterface
public interface ConfirmListener {
    ConfirmListener NONE = (event, session, timeout) -> { };

    /**
     * @param session the session that caused the event; empty for a timeout
     * @param timeout the confirm timeout, for start and extend
     */
    void confirmEvent(ConfirmEvent event, Optional<NetconfSession> session, Optional<Duration> timeout);
}
