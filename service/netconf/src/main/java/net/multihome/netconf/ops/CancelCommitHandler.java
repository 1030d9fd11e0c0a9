package net.multihome.netconf.ops;

import net.multihome.core.store.ConfigStore;
import net.multihome.core.store.StoreException;
import net.multihome.netconf.datastore.DatastoreException;
import net.multihome.netconf.datastore.NetconfClient;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.rpc.RpcRequest;

/** RFC 6241 cancel-commit: rolls back a pending confirmed commit now. */
final class CancelCommitHandler extends Handler {
    private final ConfigStore store;

    CancelCommitHandler(ConfigStore store) {
        this.store = store;
    }

    @Override
    RpcReply run(RpcRequest request, NetconfSession session) throws DatastoreException, StoreException {
        store.cancelCommit(Params.text(request.operation(), "persist-id"), new NetconfClient(session));
        return RpcReply.ok();
    }
}
