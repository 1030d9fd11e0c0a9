package net.multihome.netconf.ops;

import net.multihome.netconf.datastore.Datastore;
import net.multihome.netconf.datastore.DatastoreException;
import net.multihome.netconf.datastore.Datastores;
import net.multihome.netconf.datastore.Errors;
import net.multihome.netconf.rpc.ErrorTag;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.rpc.RpcRequest;

/** RFC 6241 delete-config: startup only (running cannot be deleted, candidate is discarded instead). */
final class DeleteConfigHandler extends Handler {
    private final Datastores datastores;

    DeleteConfigHandler(Datastores datastores) {
        this.datastores = datastores;
    }

    @Override
    RpcReply run(RpcRequest request, NetconfSession session) throws DatastoreException {
        Datastore target = Params.named(request.operation(), "target");
        if (target != Datastore.STARTUP) {
            throw new DatastoreException(Errors.protocol(ErrorTag.OPERATION_NOT_SUPPORTED,
                    "only the startup datastore can be deleted"));
        }
        datastores.deleteStartup(session);
        return RpcReply.ok();
    }
}
