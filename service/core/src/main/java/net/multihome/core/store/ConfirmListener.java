package net.multihome.core.store;

import java.time.Duration;
import java.util.Optional;

/**
 * Told of confirmed-commit events (netconf-confirmed-commit notifications), on the store's
 * thread. Must not block and must not call the store's operations.
 */
@FunctionalInterface
public interface ConfirmListener {
    ConfirmListener NONE = (event, session, timeout) -> { };

    /**
     * @param session the session that caused the event; empty for a timeout
     * @param timeout the confirm timeout, for start and extend
     */
    void confirmEvent(ConfirmEvent event, Optional<ClientSession> session, Optional<Duration> timeout);
}
