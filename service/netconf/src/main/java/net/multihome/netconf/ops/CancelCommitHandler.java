package net.multihome.netconf.ops;

import net.multihome.netconf.confirm.ConfirmedCommit;
import net.multihome.netconf.datastore.DatastoreException;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.rpc.RpcRequest;

/** RFC 6241 cancel-commit: rolls back a pending confirmed commit now. */
final class CancelCommitHandler extends Handler {
    private final ConfirmedCommit commits;

    CancelCommitHandler(ConfirmedCommit commits) {
        this.commits = commits;
    }

    @Override
    RpcReply run(RpcRequest request, NetconfSession session) throws DatastoreException {
        commits.cancel(Params.text(request.operation(), "persist-id"), session);
        return RpcReply.ok();
    }
}
