package net.multihome.netconf.session;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * How a session ended.
 *
 * @param killedBy the session-id that sent kill-session, when {@code reason} is {@link TerminationReason#KILLED}
 * @param detail   a diagnostic for logs, never sent to clients
 */
public record SessionEnd(TerminationReason reason, OptionalLong killedBy, String detail) {
    public SessionEnd {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(killedBy, "killedBy");
        Objects.requireNonNull(detail, "detail");
        if (killedBy.isPresent() != (reason == TerminationReason.KILLED)) {
            throw new IllegalArgumentException("killedBy is set exactly when the reason is KILLED");
        }
    }

    public static SessionEnd of(TerminationReason reason, String detail) {
        return new SessionEnd(reason, OptionalLong.empty(), detail);
    }

    public static SessionEnd killedBy(long sessionId) {
        return new SessionEnd(TerminationReason.KILLED, OptionalLong.of(sessionId), "killed by session " + sessionId);
    }
}
