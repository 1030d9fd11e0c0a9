package net.multihome.netconf.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.w3c.dom.Node;

/** RFC 6241 get-config: a datastore's configuration, filtered, with defaults as asked. */
final class GetConfigHandler extends Handler {
    private final Datastores datastores;
    private final WithDefaults withDefaults;
    private final DataAccess access;

    GetConfigHandler(Datastores datastores, WithDefaults withDefaults, DataAccess access) {
        this.datastores = datastores;
        this.withDefaults = withDefaults;
        this.access = access;
    }

    @Override
    RpcReply run(RpcRequest request, NetconfSession session) throws DatastoreException, StoreException {
        Element op = request.operation();
        Datastore source = Params.named(op, "source");
        Optional<SubtreeFilter> filter = Params.filter(op);
        WithDefaultsMode mode = Params.withDefaults(op);
        if (filter.isEmpty() && mode == WithDefaultsMode.EXPLICIT && access.readsEverything(session)) {
            // The whole datastore as stored, to a session no rule restricts: written from the
            // shared element, uncopied.
            Element shared = datastores.shared(source);
            return shared == null ? RpcReply.data() : RpcReply.data(shared);
        }
        Document doc = XmlDocuments.newDocument();
        Element multihome = datastores.element(source, doc);
        List<Element> data = new ArrayList<>();
        if (multihome != null) {
            withDefaults.apply(multihome, mode);
            data.add(multihome);
        }
        // Access control first: a filter must not select by what the session cannot read.
        return new RpcReply.Data(select(access.readable(data, session), filter, doc));
    }

    static List<Node> select(List<Element> data, Optional<SubtreeFilter> filter, Document doc) {
        if (filter.isEmpty()) {
            return List.copyOf(data);
        }
        return filter.get().apply(data, doc);
    }
}
