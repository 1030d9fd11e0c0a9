package net.multihome.netconf.ops;

import net.multihome.netconf.datastore.DatastoreException;
import net.multihome.netconf.datastore.Datastores;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.rpc.RpcRequest;

/** RFC 6241 discard-changes: the candidate goes back to running. */
final class DiscardChangesHandler extends Handler {
    private final Datastores datastores;

    DiscardChangesHandler(Datastores datastores) {
        this.datastores = datastores;
    }

    @Override
    RpcReply run(RpcRequest request, NetconfSession session) throws DatastoreException {
        datastores.discardChanges(session);
        return RpcReply.ok();
    }
}
