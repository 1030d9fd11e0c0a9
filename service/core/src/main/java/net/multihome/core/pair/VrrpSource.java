package net.multihome.core.pair;

import java.util.function.Consumer;

/** Where adapters read the VRRP status and hear of its changes. */
public interface VrrpSource {

    /** The current status; a volatile read that never waits. */
    VrrpStatus current();

    /**
     * Subscribes to changes: the subscriber gets each new status, on the source's thread, and must
     * not block. The returned handle unsubscribes.
     */
    AutoCloseable subscribe(Consumer<VrrpStatus> subscriber);

    /** A source that stays unknown: a router without a pair, or a test. */
    static VrrpSource none() {
        return new VrrpSource() {
            @Override
            public VrrpStatus current() {
                return VrrpStatus.UNKNOWN;
            }

            @Override
            public AutoCloseable subscribe(Consumer<VrrpStatus> subscriber) {
                return () -> { };
            }
        };
    }
}
