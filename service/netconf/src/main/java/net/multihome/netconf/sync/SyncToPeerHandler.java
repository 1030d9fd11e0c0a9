package net.multihome.netconf.sync;

import java.io.IOException;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.rpc.RpcHandler;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.rpc.RpcRequest;

/** The multihome {@code sync-to-peer} RPC: this router's configuration wins over the peer's. */
public final class SyncToPeerHandler implements RpcHandler {
    private final ConfigSyncService sync;

    public SyncToPeerHandler(ConfigSyncService sync) {
        this.sync = sync;
    }

    @Override
    public RpcReply handle(RpcRequest request, NetconfSession session) {
        try {
            return SyncRpcReplies.epoch(sync.syncToPeer());
        } catch (IOException | RuntimeException e) {
            return SyncRpcReplies.failed("sync-to-peer", e);
        }
    }
}
