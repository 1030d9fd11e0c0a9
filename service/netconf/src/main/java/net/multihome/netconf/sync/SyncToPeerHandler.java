package net.multihome.netconf.sync;

import java.io.IOException;
import java.util.List;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.datastore.Errors;
import net.multihome.netconf.rpc.ErrorTag;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.rpc.RpcHandler;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.rpc.RpcRequest;
import net.multihome.netconf.xml.XmlDocuments;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The multihome {@code sync-to-peer} RPC: this router's configuration wins over the peer's. */
public final class SyncToPeerHandler implements RpcHandler {
    private final ConfigSyncService sync;

    public SyncToPeerHandler(ConfigSyncService sync) {
        this.sync = sync;
    }

    @Override
    public RpcReply handle(RpcRequest request, NetconfSession session) {
        try {
            long epoch = sync.syncToPeer();
            Element out = XmlDocuments.newDocument().createElementNS(YangSchema.NAMESPACE, "epoch");
            out.setTextContent(Long.toUnsignedString(epoch));
            return new RpcReply.Content(List.<Node>of(out));
        } catch (IOException | RuntimeException e) {
            return new RpcReply.Error(List.of(Errors.application(ErrorTag.OPERATION_FAILED,
                    "sync-to-peer failed: " + e.getMessage())));
        }
    }
}
