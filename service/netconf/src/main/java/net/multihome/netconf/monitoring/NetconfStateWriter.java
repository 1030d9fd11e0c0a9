package net.multihome.netconf.monitoring;

import java.util.List;
import java.util.function.Supplier;
import net.multihome.core.store.ConfigStore;
import net.multihome.core.store.Datastore;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.session.ServerStatistics;
import net.multihome.netconf.session.SessionRegistry;
import net.multihome.netconf.session.SessionStats;
import net.multihome.netconf.xml.Dom;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The RFC 6022 {@code netconf-state} container for {@code <get>}. */
public final class NetconfStateWriter {
    private static final String NS = Capabilities.MONITORING_NS;

    /** Computed once: the namespaces come from a walk of the schema context. */
    private final List<ServedModules.ServedModule> modules;
    private final List<String> capabilities;
    private final ConfigStore configStore;
    private final Supplier<SessionRegistry> sessions;

    /** @param capabilities every advertised URI, base included */
    public NetconfStateWriter(YangSchema schema, List<String> capabilities, ConfigStore store,
                              Supplier<SessionRegistry> sessions) {
        this.modules = ServedModules.all(schema);
        this.capabilities = List.copyOf(capabilities);
        this.configStore = store;
        this.sessions = sessions;
    }

    public List<Element> contribute(Element multihome, Document doc) {
        Element state = doc.createElementNS(NS, "netconf-state");
        Element caps = Dom.append(state, NS, "capabilities");
        capabilities.forEach(c -> Dom.appendLeaf(caps, NS, "capability", c));
        Element stores = Dom.append(state, NS, "datastores");
        for (Datastore d : Datastore.values()) {
            Element store = Dom.append(stores, NS, "datastore");
            Dom.appendLeaf(store, NS, "name", d.yangName());
            configStore.lockOf(d).ifPresent(lock -> {
                Element global = Dom.append(Dom.append(store, NS, "locks"), NS, "global-lock");
                Dom.appendLeaf(global, NS, "locked-by-session", Long.toString(lock.sessionId()));
                Dom.appendLeaf(global, NS, "locked-time", lock.lockedAt().toString());
            });
        }
        Element schemas = Dom.append(state, NS, "schemas");
        for (ServedModules.ServedModule module : modules) {
            Element s = Dom.append(schemas, NS, "schema");
            Dom.appendLeaf(s, NS, "identifier", module.file().name());
            Dom.appendLeaf(s, NS, "version", module.file().revision());
            Dom.appendLeaf(s, NS, "format", "yang");
            Dom.appendLeaf(s, NS, "namespace", module.namespace());
            Dom.appendLeaf(s, NS, "location", "NETCONF");
        }
        SessionRegistry registry = sessions.get();
        if (registry != null) {
            Element list = Dom.append(state, NS, "sessions");
            for (SessionStats s : registry.stats()) {
                Element session = Dom.append(list, NS, "session");
                Dom.appendLeaf(session, NS, "session-id", Long.toString(s.id()));
                Dom.appendLeaf(session, NS, "transport", "netconf-ssh");
                Dom.appendLeaf(session, NS, "username", s.user());
                Dom.appendLeaf(session, NS, "source-host", s.sourceHost());
                Dom.appendLeaf(session, NS, "login-time", s.loginTime().toString());
                Dom.appendLeaf(session, NS, "in-rpcs", Long.toString(s.inRpcs()));
                Dom.appendLeaf(session, NS, "in-bad-rpcs", Long.toString(s.inBadRpcs()));
                Dom.appendLeaf(session, NS, "out-rpc-errors", Long.toString(s.outRpcErrors()));
                Dom.appendLeaf(session, NS, "out-notifications", Long.toString(s.outNotifications()));
            }
            ServerStatistics st = registry.statistics();
            Element stats = Dom.append(state, NS, "statistics");
            Dom.appendLeaf(stats, NS, "netconf-start-time", st.startTime().toString());
            Dom.appendLeaf(stats, NS, "in-bad-hellos", Long.toString(st.inBadHellos()));
            Dom.appendLeaf(stats, NS, "in-sessions", Long.toString(st.inSessions()));
            Dom.appendLeaf(stats, NS, "dropped-sessions", Long.toString(st.droppedSessions()));
            Dom.appendLeaf(stats, NS, "in-rpcs", Long.toString(st.inRpcs()));
            Dom.appendLeaf(stats, NS, "in-bad-rpcs", Long.toString(st.inBadRpcs()));
            Dom.appendLeaf(stats, NS, "out-rpc-errors", Long.toString(st.outRpcErrors()));
            Dom.appendLeaf(stats, NS, "out-notifications", Long.toString(st.outNotifications()));
        }
        return List.of(state);
    }
}
