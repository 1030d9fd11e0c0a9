package net.multihome.netconf.nacm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import net.multihome.core.config.Nacm.Access;
import net.multihome.core.config.ConfigReader;
import net.multihome.core.config.InvalidConfigException;
import net.multihome.core.config.Nacm;
import net.multihome.core.store.Datastore;
import net.multihome.core.store.StoreException;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.datastore.DatastoreException;
import net.multihome.netconf.datastore.Datastores;
import net.multihome.netconf.datastore.EditOperation;
import net.multihome.netconf.datastore.Errors;
import net.multihome.netconf.datastore.SchemaTree;
import net.multihome.netconf.notify.NotificationAccess;
import net.multihome.netconf.ops.DataAccess;
import net.multihome.netconf.ops.ReadView;
import net.multihome.netconf.rpc.ErrorTag;
import net.multihome.netconf.rpc.ErrorType;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.rpc.OperationKey;
import net.multihome.netconf.rpc.RpcError;
import net.multihome.netconf.rpc.RpcGuard;
import net.multihome.netconf.rpc.RpcRequest;
import net.multihome.netconf.xml.Dom;
import net.multihome.netconf.xml.XmlDocuments;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Access control on the RPC path. The rules are those of the running configuration at the
 * moment of each check (read again only when running has changed), so a committed rule change
 * holds from the next RPC of every session, including sessions already open.
 */
public final class NacmEnforcer implements RpcGuard, DataAccess, NotificationAccess {
    /**
     * RFC 8341 3.4.4 step 10: kill-session and delete-config are denied unless a rule permits
     * them; so are multihome's sync-to-peer and request-push (nacm:default-deny-all), which
     * overwrite the peer.
     */
    private static final Set<OperationKey> DENY_ALL_OPERATIONS = Set.of(OperationKey.base("kill-session"),
            OperationKey.base("delete-config"), new OperationKey(YangSchema.NAMESPACE, "sync-to-peer"),
            new OperationKey(YangSchema.NAMESPACE, "request-push"));

    private static final NodeIdentifier MANAGEMENT = new NodeIdentifier(YangSchema.qname("management"));
    private static final Set<Access> READS = Set.of(Access.READ);
    private static final Set<Access> WRITES = Set.of(Access.CREATE, Access.UPDATE, Access.DELETE);

    /** The rules read from {@code running}, whose management container is {@code management}. */
    private record Cached(ContainerNode running, DataContainerChild management, Nacm rules) {
    }

    private final Supplier<ContainerNode> running;
    private final Datastores datastores;
    private final ModuleNames modules;
    private final ReadFilter reads;
    private final WriteCheck writes;
    private final NacmCounters counters = new NacmCounters();
    private final AtomicReference<Cached> cached = new AtomicReference<>(new Cached(null, null, Nacm.NONE));

    public NacmEnforcer(YangSchema schema, SchemaTree tree, Datastores datastores) {
        this.running = datastores.store()::running;
        this.datastores = datastores;
        this.modules = new ModuleNames(schema);
        this.reads = new ReadFilter(tree, modules);
        this.writes = new WriteCheck(tree, modules);
    }

    /** The rules of running now. */
    Nacm rules() {
        ContainerNode now = running.get();
        Cached last = cached.get();
        if (last.running() == now) {
            return last.rules();
        }
        DataContainerChild management = now == null ? null : now.childByArg(MANAGEMENT);
        if (management != null && management == last.management()) {
            // The rules are read from management alone, and an edit elsewhere (a provider's
            // weight) keeps the container as it was: no need to read the whole configuration.
            cached.set(new Cached(now, management, last.rules()));
            return last.rules();
        }
        Nacm rules;
        try {
            rules = ConfigReader.read(now).management().netconf().nacm();
        } catch (InvalidConfigException e) {
            throw new IllegalStateException("running holds an invalid configuration", e);
        }
        cached.set(new Cached(now, management, rules));
        return rules;
    }

    @Override
    public Optional<RpcError> admit(RpcRequest request, NetconfSession session) {
        OperationKey key = request.key();
        boolean allowed = AccessDecider.mayExecute(rules(), session.user(), modules.of(key.namespace()), key.name(),
                DENY_ALL_OPERATIONS.contains(key));
        if (allowed) {
            return Optional.empty();
        }
        counters.operationDenied();
        return Optional.of(RpcError.of(ErrorType.PROTOCOL, ErrorTag.ACCESS_DENIED,
                "access to operation " + key.name() + " is denied for user " + session.user()));
    }

    /** RFC 8341 3.4.6: by notification name; a denied one is dropped and counted. */
    @Override
    public boolean mayReceive(Element content, NetconfSession session) {
        boolean allowed = AccessDecider.mayReceive(rules(), session.user(), modules.of(content.getNamespaceURI()),
                content.getLocalName());
        if (!allowed) {
            counters.notificationDenied();
        }
        return allowed;
    }

    @Override
    public List<Element> readable(List<Element> data, NetconfSession session) {
        return readView(session).readable(data);
    }

    @Override
    public ReadView readView(NetconfSession session) {
        return new UserReadView(reads, rules(), session.user());
    }

    /** Equal for equal rules and user: the read filter is a pure function of them and the data. */
    private record UserReadView(ReadFilter reads, Nacm rules, String user) implements ReadView {
        @Override
        public List<Element> readable(List<Element> data) {
            return reads.apply(data, rules, user);
        }
    }

    @Override
    public boolean readsEverything(NetconfSession session) {
        return AccessDecider.permitsEvery(rules(), session.user(), READS);
    }

    @Override
    public void checkEdit(Datastore target, Element config, EditOperation defaultOperation,
                          NetconfSession session) throws DatastoreException, StoreException {
        Nacm rules = rules();
        if (AccessDecider.permitsEvery(rules, session.user(), WRITES)) {
            return;
        }
        refuse(writes.edit(Dom.children(config), present(datastores.editable(target, config, defaultOperation)),
                defaultOperation, rules, session.user()), session);
    }

    @Override
    public void checkCopy(Datastore target, ContainerNode source, NetconfSession session)
            throws DatastoreException, StoreException {
        Nacm rules = rules();
        if (AccessDecider.permitsEvery(rules, session.user(), WRITES)) {
            return;
        }
        Element next = datastores.codec().toElement(source, XmlDocuments.newDocument());
        refuse(writes.replace(next == null ? List.of() : List.of(next), present(datastores.shared(target)), rules,
                session.user()), session);
    }

    /**
     * get: the counters in {@code multihome/management/netconf/nacm}, when the configuration has
     * access control. They are state, so only get shows them.
     */
    public List<Element> contribute(Element multihome, Document doc) {
        if (!rules().enforced()) {
            return List.of();
        }
        Element nacm = childOrNew(childOrNew(childOrNew(multihome, "management"), "netconf"), "nacm");
        Dom.appendLeaf(nacm, YangSchema.NAMESPACE, "denied-operations", Long.toString(counters.deniedOperations()));
        Dom.appendLeaf(nacm, YangSchema.NAMESPACE, "denied-data-writes", Long.toString(counters.deniedDataWrites()));
        Dom.appendLeaf(nacm, YangSchema.NAMESPACE, "denied-notifications",
                Long.toString(counters.deniedNotifications()));
        return List.of();
    }

    /** The target's content as the write check reads it (only reads: it may be shared). */
    private static List<Element> present(Element element) {
        List<Element> out = new ArrayList<>();
        if (element != null) {
            out.add(element);
        }
        return out;
    }

    private void refuse(Optional<WriteCheck.Refusal> refusal, NetconfSession session) throws DatastoreException {
        if (refusal.isEmpty()) {
            return;
        }
        counters.dataWriteDenied();
        LocatedNode node = refusal.get().node();
        String what = node.node().steps().getLast().name();
        RpcError error = Errors.application(ErrorTag.ACCESS_DENIED, refusal.get().access().yangName()
                + " access to " + what + " is denied for user " + session.user());
        throw new DatastoreException(node.path().isEmpty() ? error : error.withPath(Errors.path(node.path())));
    }

    private static Element childOrNew(Element parent, String name) {
        return Dom.child(parent, YangSchema.NAMESPACE, name).orElseGet(() -> {
            Element created = parent.getOwnerDocument().createElementNS(YangSchema.NAMESPACE, name);
            parent.appendChild(created);
            return created;
        });
    }
}
