package net.multihome.netconf.ops;

import net.multihome.netconf.datastore.DatastoreException;
import net.multihome.netconf.datastore.Datastores;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.rpc.RpcRequest;

/** RFC 6241 lock; the lock ends with the session that holds it. */
final class LockHandler extends Handler {
    private final Datastores datastores;

    LockHandler(Datastores datastores) {
        this.datastores = datastores;
    }

    @Override
    RpcReply run(RpcRequest request, NetconfSession session) throws DatastoreException {
        datastores.lock(Params.named(request.operation(), "target"), session);
        return RpcReply.ok();
    }
}
