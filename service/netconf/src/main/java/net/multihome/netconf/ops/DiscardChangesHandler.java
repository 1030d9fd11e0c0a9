package net.multihome.netconf.ops;

import net.multihome.core.store.ConfigStore;
import net.multihome.core.store.StoreException;
import net.multihome.netconf.datastore.NetconfClient;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.rpc.RpcRequest;

/** RFC 6241 discard-changes: the candidate goes back to running. */
final class DiscardChangesHandler extends Handler {
    private final ConfigStore store;

    DiscardChangesHandler(ConfigStore store) {
        this.store = store;
    }

    @Override
    RpcReply run(RpcRequest request, NetconfSession session) throws StoreException {
        store.discardChanges(new NetconfClient(session));
        return RpcReply.ok();
    }
}
