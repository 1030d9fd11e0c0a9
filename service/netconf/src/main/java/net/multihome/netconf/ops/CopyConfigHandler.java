package net.multihome.netconf.ops;

import net.multihome.core.store.Datastore;
import net.multihome.core.store.StoreException;
import net.multihome.netconf.datastore.DatastoreException;
import net.multihome.netconf.datastore.Datastores;
import net.multihome.netconf.datastore.Errors;
import net.multihome.netconf.datastore.NetconfClient;
import net.multihome.netconf.rpc.ErrorTag;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.rpc.RpcRequest;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/** RFC 6241 copy-config between datastores, or from an inline {@code <config>}. */
final class CopyConfigHandler extends Handler {
    private final Datastores datastores;
    private final DataAccess access;

    CopyConfigHandler(Datastores datastores, DataAccess access) {
        this.datastores = datastores;
        this.access = access;
    }

    @Override
    RpcReply run(RpcRequest request, NetconfSession session) throws DatastoreException, StoreException {
        DatastoreRef source = Params.ref(request.operation(), "source");
        Datastore target = Params.named(request.operation(), "target");
        if (source instanceof DatastoreRef.Named(Datastore s) && s == target) {
            throw new DatastoreException(Errors.protocol(ErrorTag.INVALID_VALUE,
                    "source and target are the same datastore"));
        }
        ContainerNode content = Sources.content(source, datastores);
        access.checkCopy(target, content, session);
        datastores.store().copy(content, target, new NetconfClient(session));
        return RpcReply.ok();
    }
}
