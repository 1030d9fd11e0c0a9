package net.multihome.netconf.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.multihome.core.yang.YangSchema;
import net.multihome.core.store.Datastore;
import net.multihome.core.store.StoreException;
import net.multihome.netconf.datastore.DatastoreException;
import net.multihome.netconf.datastore.Datastores;
import net.multihome.netconf.filter.SubtreeFilter;
import net.multihome.netconf.filter.WithDefaults;
import net.multihome.netconf.filter.WithDefaultsMode;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.rpc.RpcRequest;
import net.multihome.netconf.xml.XmlDocuments;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * RFC 6241 get: the running configuration with the state data next to it, plus the server's
 * own monitoring data, filtered.
 */
public final class GetHandler extends Handler {
    /** Adds state data: inside {@code multihome}, and as further top-level elements it returns. */
    public interface StateContributor {
        List<Element> contribute(Element multihome, Document doc);
    }

    private final Datastores datastores;
    private final WithDefaults withDefaults;
    private final List<StateContributor> state;
    private final DataAccess access;

    public GetHandler(Datastores datastores, WithDefaults withDefaults, List<StateContributor> state,
                      DataAccess access) {
        this.datastores = datastores;
        this.withDefaults = withDefaults;
        this.state = List.copyOf(state);
        this.access = access;
    }

    @Override
    RpcReply run(RpcRequest request, NetconfSession session) throws DatastoreException, StoreException {
        Element op = request.operation();
        Optional<SubtreeFilter> filter = Params.filter(op);
        WithDefaultsMode mode = Params.withDefaults(op);
        Document doc = XmlDocuments.newDocument();
        Element multihome = datastores.element(Datastore.RUNNING, doc);
        if (multihome != null) {
            withDefaults.apply(multihome, mode);
        } else {
            multihome = doc.createElementNS(YangSchema.NAMESPACE, YangSchema.MODULE);
        }
        List<Element> data = new ArrayList<>();
        data.add(multihome);
        for (StateContributor contributor : state) {
            data.addAll(contributor.contribute(multihome, doc));
        }
        if (!multihome.hasChildNodes()) {
            data.remove(multihome);
        }
        return new RpcReply.Data(GetConfigHandler.select(access.readable(data, session), filter, doc));
    }
}
