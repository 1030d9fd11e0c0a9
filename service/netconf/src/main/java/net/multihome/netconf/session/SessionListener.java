package net.multihome.netconf.session;

import net.multihome.netconf.rpc.NetconfSession;

/**
 * Observes session life cycles, for RFC 6470 netconf-session-start/end notifications and for
 * releasing what a dead session held. Called synchronously on the session's own thread (or the
 * thread that killed or timed it out); implementations must not block for long.
 */
public interface SessionListener {
    SessionListener NONE = new SessionListener() {
    };

    /** The hello exchange succeeded. */
    default void sessionStarted(NetconfSession session) {
    }

    /**
     * The session ended. Called once for every session that was given a session-id, including
     * sessions whose hello failed or timed out (then without a preceding {@link #sessionStarted}).
     */
    default void sessionEnded(NetconfSession session, SessionEnd end) {
    }
}
