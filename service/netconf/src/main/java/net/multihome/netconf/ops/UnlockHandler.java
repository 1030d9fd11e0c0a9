package net.multihome.netconf.ops;

import net.multihome.netconf.datastore.DatastoreException;
import net.multihome.netconf.datastore.Datastores;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.rpc.RpcRequest;

/** RFC 6241 unlock. */
final class UnlockHandler extends Handler {
    private final Datastores datastores;

    UnlockHandler(Datastores datastores) {
        this.datastores = datastores;
    }

    @Override
    RpcReply run(RpcRequest request, NetconfSession session) throws DatastoreException {
        datastores.unlock(Params.named(request.operation(), "target"), session);
        return RpcReply.ok();
    }
}
