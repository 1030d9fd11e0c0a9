package net.multihome.core.sync;

/**
 * What a router does when it first reaches its peer since it started, or since config-sync got
 * enabled: it runs whatever its startup held, so the epochs of both say which one is behind.
 * A router that restarted missed what the pair did meanwhile, so the newer epoch wins; an equal
 * epoch over different shared configurations means both changed apart, which only the operator
 * resolves.
 */
public final class FirstContact {
    private FirstContact() {
    }

    /** The outcome of the first contact. */
    public enum Decision {
        /** Both run the same shared configuration at the same epoch. */
        IN_SYNC,
        /** The peer is newer: this router takes the peer's shared configuration. */
        TAKE_PEERS,
        /** This router is newer: it pushes, made on the peer's epoch. */
        PUSH,
        /** The same epoch over different shared configurations: both changed apart. */
        DIVERGED
    }

    /**
     * @param own this router's epoch
     * @param peers the peer's epoch
     * @param sameShared whether both run the same shared configuration
     */
    public static Decision decide(long own, long peers, boolean sameShared) {
        int order = Long.compareUnsigned(own, peers);
        if (order < 0) {
            return Decision.TAKE_PEERS;
        }
        if (order > 0) {
            return Decision.PUSH;
        }
        return sameShared ? Decision.IN_SYNC : Decision.DIVERGED;
    }
}
