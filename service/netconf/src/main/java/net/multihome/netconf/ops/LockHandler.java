package net.multihome.netconf.ops;

import net.multihome.core.store.ConfigStore;
import net.multihome.core.store.StoreException;
import net.multihome.netconf.datastore.DatastoreException;
import net.multihome.netconf.datastore.NetconfClient;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.rpc.RpcRequest;

/** RFC 6241 lock; the lock ends with the session that holds it. */
final class LockHandler extends Handler {
    private final ConfigStore store;

    LockHandler(ConfigStore store) {
        this.store = store;
    }

    @Override
    RpcReply run(RpcRequest request, NetconfSession session) throws DatastoreException, StoreException {
        store.lock(Params.named(request.operation(), "target"), new NetconfClient(session));
        return RpcReply.ok();
    }
}
