package net.multihome.netconf.sync;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.datastore.Errors;
import net.multihome.netconf.rpc.ErrorTag;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.rpc.RpcHandler;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.rpc.RpcRequest;
import net.multihome.netconf.xml.Dom;

/**
 * The multihome {@code request-push} RPC, which the peer of a pair sends at its start when it
 * runs an older epoch: this router pushes its configuration, made on the peer's epoch, and
 * answers once the peer took it.
 */
public final class RequestPushHandler implements RpcHandler {
    private final ConfigSyncService sync;

    public RequestPushHandler(ConfigSyncService sync) {
        this.sync = sync;
    }

    @Override
    public RpcReply handle(RpcRequest request, NetconfSession session) {
        Optional<String> text = Dom.child(request.operation(), YangSchema.NAMESPACE, "epoch").map(Dom::text);
        long peers;
        try {
            peers = Long.parseUnsignedLong(text.orElseThrow(() -> new NumberFormatException("missing")).strip());
        } catch (NumberFormatException e) {
            return new RpcReply.Error(List.of(Errors.application(ErrorTag.INVALID_VALUE,
                    "request-push needs the epoch the asking router runs, a uint64, not '"
                            + text.orElse("") + "'")));
        }
        try {
            return SyncRpcReplies.epoch(sync.pushOnRequest(peers));
        } catch (IOException | RuntimeException e) {
            return SyncRpcReplies.failed("request-push", e);
        }
    }
}
