package net.multihome.netconf.sync;

import net.multihome.core.config.Redundancy;

/** Where and as whom this router logs in to its peer's NETCONF server. */
record Peer(String host, int port, String user) {
    static Peer of(Redundancy pair) {
        return new Peer(pair.peerAddress().getHostAddress(), pair.configSync().port(), pair.configSync().user());
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
