package net.multihome.netconf.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.datastore.Datastores;
import net.multihome.netconf.filter.WithDefaults;
import net.multihome.netconf.port.ProbeRunner;
import net.multihome.netconf.rpc.OperationKey;
import net.multihome.netconf.rpc.RpcHandler;

/** The operation handlers of this layer, keyed by (namespace, name). */
public final class Operations {
    private Operations() {
    }

    public static Map<OperationKey, RpcHandler> of(Datastores datastores, WithDefaults withDefaults,
                                                   List<GetHandler.StateContributor> state, ProbeRunner probes,
                                                   DataAccess access) {
        Map<OperationKey, RpcHandler> handlers = new LinkedHashMap<>();
        handlers.put(OperationKey.base("get"), new GetHandler(datastores, withDefaults, state, access));
        handlers.put(OperationKey.base("get-config"), new GetConfigHandler(datastores, withDefaults, access));
        handlers.put(OperationKey.base("edit-config"), new EditConfigHandler(datastores, access));
        handlers.put(OperationKey.base("copy-config"), new CopyConfigHandler(datastores, access));
        handlers.put(OperationKey.base("delete-config"), new DeleteConfigHandler(datastores.store()));
        handlers.put(OperationKey.base("lock"), new LockHandler(datastores.store()));
        handlers.put(OperationKey.base("unlock"), new UnlockHandler(datastores.store()));
        handlers.put(OperationKey.base("commit"), new CommitHandler(datastores.store()));
        handlers.put(OperationKey.base("cancel-commit"), new CancelCommitHandler(datastores.store()));
        handlers.put(OperationKey.base("discard-changes"), new DiscardChangesHandler(datastores.store()));
        handlers.put(OperationKey.base("validate"), new ValidateHandler(datastores));
        handlers.put(new OperationKey(YangSchema.NAMESPACE, "probe"), new ProbeHandler(probes));
        return handlers;
    }
}
