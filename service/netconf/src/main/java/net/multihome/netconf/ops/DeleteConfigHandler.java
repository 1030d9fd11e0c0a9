package net.multihome.netconf.ops;

import net.multihome.core.store.ConfigStore;
import net.multihome.core.store.Datastore;
import net.multihome.core.store.StoreException;
import net.multihome.netconf.datastore.DatastoreException;
import net.multihome.netconf.datastore.Errors;
import net.multihome.netconf.datastore.NetconfClient;
import net.multihome.netconf.rpc.ErrorTag;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.rpc.RpcRequest;

/** RFC 6241 delete-config: startup only (running cannot be deleted, candidate is discarded instead). */
final class DeleteConfigHandler extends Handler {
    private final ConfigStore store;

    DeleteConfigHandler(ConfigStore store) {
        this.store = store;
    }

    @Override
    RpcReply run(RpcRequest request, NetconfSession session) throws DatastoreException, StoreException {
        Datastore target = Params.named(request.operation(), "target");
        if (target != Datastore.STARTUP) {
            throw new DatastoreException(Errors.protocol(ErrorTag.OPERATION_NOT_SUPPORTED,
                    "only the startup datastore can be deleted"));
        }
        store.deleteStartup(new NetconfClient(session));
        return RpcReply.ok();
    }
}
