package net.multihome.core.store;

/**
 * A management session that works on the store (a NETCONF session today, the CLI later):
 * locks, the candidate's changes and a confirmed commit without persist belong to one.
 */
public interface ClientSession {

    /** Unique among live sessions. */
    long id();

    /**
     * Runs {@code hook} once when the session ends, for whatever reason; at once when it already
     * has. The hook must not block.
     */
    void onEnd(Runnable hook);
}
