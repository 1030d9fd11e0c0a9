package net.multihome.netconf.sync;

/** The state of configuration sync, as YANG {@code redundancy/config-sync/state} names it. */
public enum SyncState {
    DISABLED("disabled"),
    IN_SYNC("in-sync"),
    PEER_UNREACHABLE("peer-unreachable"),
    DIVERGED("diverged"),
    REFUSED("refused");

    private final String yangName;

    SyncState(String yangName) {
        this.yangName = yangName;
    }

    public String yangName() {
        return yangName;
    }
}
