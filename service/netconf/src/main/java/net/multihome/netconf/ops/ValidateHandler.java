package net.multihome.netconf.ops;

import net.multihome.core.store.ConfigValidation;
import net.multihome.core.store.StoreException;
import net.multihome.netconf.datastore.DatastoreException;
import net.multihome.netconf.datastore.Datastores;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.rpc.RpcRequest;

/** RFC 6241 validate (:validate:1.1) of a datastore or an inline configuration. */
final class ValidateHandler extends Handler {
    private final Datastores datastores;

    ValidateHandler(Datastores datastores) {
        this.datastores = datastores;
    }

    @Override
    RpcReply run(RpcRequest request, NetconfSession session) throws DatastoreException, StoreException {
        ConfigValidation.validate(Sources.content(Params.ref(request.operation(), "source"), datastores));
        return RpcReply.ok();
    }
}
