package net.multihome.netconf.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import net.multihome.core.store.Datastore;
import net.multihome.core.store.StoreException;
import net.multihome.netconf.datastore.DatastoreException;
import net.multihome.netconf.datastore.Datastores;
import net.multihome.netconf.filter.SubtreeFilter;
import net.multihome.netconf.filter.WithDefaults;
import net.multihome.netconf.filter.WithDefaultsMode;
import net.multihome.netconf.rpc.Namespaces;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.rpc.RpcRequest;
import net.multihome.netconf.xml.Dom;
import net.multihome.netconf.xml.KeptContent;
import net.multihome.netconf.xml.XmlDocuments;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** RFC 6241 get-config: a datastore's configuration, filtered, with defaults as asked. */
final class GetConfigHandler extends Handler {
    private final Datastores datastores;
    private final WithDefaults withDefaults;
    private final DataAccess access;
    /** The last unfiltered reply's data, kept for a client that polls the same datastore. */
    private final AtomicReference<KeptReply> lastUnfiltered = new AtomicReference<>();
    /** The last shared element sent whole, with its text once written. */
    private final AtomicReference<KeptContent> lastShared = new AtomicReference<>();

    /**
     * What {@code view} may read of {@code content} in {@code mode}: read-only once kept, and
     * shared by the replies of every session with an equal view.
     */
    private record KeptReply(ContainerNode content, WithDefaultsMode mode, ReadView view, KeptContent data) {
        boolean answers(ContainerNode content, WithDefaultsMode mode, ReadView view) {
            return this.content == content && this.mode == mode && this.view.equals(view);
        }
    }

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
            return shared == null ? RpcReply.data() : new RpcReply.KeptData(kept(shared));
        }
        if (filter.isEmpty()) {
            return new RpcReply.KeptData(unfiltered(source, mode, session));
        }
        Document doc = XmlDocuments.newDocument();
        // Access control first: a filter must not select by what the session cannot read.
        List<Element> readable = access.readView(session).readable(copy(datastores.store().content(source), mode, doc));
        return new RpcReply.Data(select(readable, filter, doc));
    }

    /**
     * The datastore as the session may read it, computed again only when the content, the mode
     * or what the session may read differ from the last time (the view holds the rules, so a
     * rule change is a different view).
     */
    private KeptContent unfiltered(Datastore source, WithDefaultsMode mode, NetconfSession session)
            throws StoreException {
        ContainerNode content = datastores.store().content(source);
        ReadView view = access.readView(session);
        KeptReply last = lastUnfiltered.get();
        if (last != null && last.answers(content, mode, view)) {
            return last.data();
        }
        List<Node> data = List.copyOf(view.readable(copy(content, mode, XmlDocuments.newDocument())));
        // Made once here, so that concurrent writers of the kept nodes only read them.
        data.forEach(node -> Dom.materializeAttributes((Element) node));
        KeptContent kept = new KeptContent(data, Namespaces.BASE);
        lastUnfiltered.set(new KeptReply(content, mode, view, kept));
        return kept;
    }

    private KeptContent kept(Element shared) {
        KeptContent last = lastShared.get();
        if (last != null && last.nodes().getFirst() == shared) {
            return last;
        }
        KeptContent kept = new KeptContent(List.of(shared), Namespaces.BASE);
        lastShared.set(kept);
        return kept;
    }

    /** The content, owned by {@code doc}, with defaults as {@code mode} asks. */
    private List<Element> copy(ContainerNode content, WithDefaultsMode mode, Document doc) {
        Element multihome = datastores.codec().toElement(content, doc);
        List<Element> data = new ArrayList<>();
        if (multihome != null) {
            withDefaults.apply(multihome, mode);
            data.add(multihome);
        }
        return data;
    }

    static List<Node> select(List<Element> data, Optional<SubtreeFilter> filter, Document doc) {
        if (filter.isEmpty()) {
            return List.copyOf(data);
        }
        return filter.get().apply(data, doc);
    }
}
