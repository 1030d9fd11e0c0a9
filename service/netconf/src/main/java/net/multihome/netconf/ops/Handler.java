package net.multihome.netconf.ops;

import net.multihome.core.store.StoreException;
import net.multihome.netconf.datastore.DatastoreException;
import net.multihome.netconf.datastore.StoreErrors;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.rpc.RpcHandler;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.rpc.RpcRequest;

/** A handler whose refusals are exceptions inside (its own or the store's) and error replies outside. */
abstract class Handler implements RpcHandler {
    @Override
    public final RpcReply handle(RpcRequest request, NetconfSession session) {
        try {
            return run(request, session);
        } catch (DatastoreException e) {
            return new RpcReply.Error(e.errors());
        } catch (StoreException e) {
            return new RpcReply.Error(StoreErrors.rpcErrors(e));
        }
    }

    abstract RpcReply run(RpcRequest request, NetconfSession session) throws DatastoreException, StoreException;
}
