package net.multihome.netconf.sync;

import java.util.List;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.datastore.Errors;
import net.multihome.netconf.rpc.ErrorTag;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.xml.XmlDocuments;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The replies of the pair's RPCs ({@code sync-to-peer}, {@code request-push}). */
final class SyncRpcReplies {
    private SyncRpcReplies() {
    }

    /** The epoch both routers run now. */
    static RpcReply epoch(long epoch) {
        Element out = XmlDocuments.newDocument().createElementNS(YangSchema.NAMESPACE, "epoch");
        out.setTextContent(Long.toUnsignedString(epoch));
        return new RpcReply.Content(List.<Node>of(out));
    }

    /** {@code rpc} failed for {@code cause}. */
    static RpcReply failed(String rpc, Exception cause) {
        return new RpcReply.Error(List.of(Errors.application(ErrorTag.OPERATION_FAILED,
                rpc + " failed: " + cause.getMessage())));
    }
}
