package net.multihome.netconf.sync;

import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.xml.Dom;
import org.w3c.dom.Element;

/** Writes {@code redundancy/config-sync}'s state leaves into a {@code <redundancy>} element. */
public final class SyncStateWriter {
    private static final String NS = YangSchema.NAMESPACE;

    private SyncStateWriter() {
    }

    public static void write(Element redundancy, SyncStatus status) {
        Element sync = Dom.child(redundancy, NS, "config-sync").orElseGet(() -> Dom.append(redundancy, NS, "config-sync"));
        Dom.appendLeaf(sync, NS, "state", status.state().yangName());
        status.lastError().ifPresent(error -> Dom.appendLeaf(sync, NS, "last-error", error));
        Dom.appendLeaf(sync, NS, "peer-epoch", Long.toUnsignedString(status.peerEpoch()));
        Dom.appendLeaf(sync, NS, "client-key", status.clientKey());
    }
}
