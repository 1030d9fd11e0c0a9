package net.multihome.core.sync;

/**
 * Whether a router takes a push from its peer, by epochs: the push carries the epoch it was made
 * on (base) and the epoch it brings (pushed); the receiver runs its own.
 */
public final class EpochCheck {
    private EpochCheck() {
    }

    /** The receiver's answer to a push. */
    public sealed interface Verdict {
        /** Made on the receiver's epoch and newer: take it. */
        record Accept() implements Verdict {
        }

        /** The receiver runs this push already (a retry whose answer was lost): nothing to do. */
        record AlreadyRunning() implements Verdict {
        }

        /** Made on the receiver's epoch but not newer: refused. */
        record Stale(long own, long pushed) implements Verdict {
        }

        /** Made on another epoch than the receiver's: both changed apart; refused. */
        record Diverged(long own, long base) implements Verdict {
        }
    }

    /**
     * @param own the receiver's epoch
     * @param base the epoch the push was made on
     * @param pushed the epoch the push brings
     * @param sameShared whether the push's shared configuration equals the receiver's
     */
    public static Verdict judge(long own, long base, long pushed, boolean sameShared) {
        if (pushed == own && sameShared) {
            return new Verdict.AlreadyRunning();
        }
        if (base != own) {
            return new Verdict.Diverged(own, base);
        }
        if (Long.compareUnsigned(pushed, own) <= 0) {
            return new Verdict.Stale(own, pushed);
        }
        return new Verdict.Accept();
    }
}
