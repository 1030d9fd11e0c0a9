package net.multihome.netconf.sync;

/** How the peer answered a push. */
sealed interface PushResult {
    /**
     * The peer runs the push on a confirmed commit, on this open session: confirm or cancel it.
     *
     * @param base the epoch the push was made on, which the confirming commit carries too
     */
    record Pending(PeerConnection connection, long base) implements PushResult {
    }

    /** The peer refused the configuration (its validation or its kernel). */
    record Refused(String message) implements PushResult {
    }

    /**
     * The peer refused the epochs: both changed apart, or the push is not newer.
     *
     * @param base the epoch the push was made on
     */
    record EpochRefused(String message, long base) implements PushResult {
    }

    /**
     * The peer took the session but is changing its own configuration: its candidate's lock was
     * denied, or the lock was not answered in time (its store waits on its own push to us).
     */
    record Busy(String message) implements PushResult {
    }

    /** The peer could not be reached, or did not answer in time. */
    record Unreachable(String message) implements PushResult {
    }
}
