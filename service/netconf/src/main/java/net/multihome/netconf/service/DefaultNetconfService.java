package net.multihome.netconf.service;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.multihome.core.config.Management;
import net.multihome.core.secret.SecretBox;
import net.multihome.netconf.datastore.ConfigCodec;
import net.multihome.netconf.datastore.Datastores;
import net.multihome.netconf.datastore.SchemaTree;
import net.multihome.netconf.filter.WithDefaults;
import net.multihome.netconf.monitoring.Capabilities;
import net.multihome.netconf.monitoring.GetSchemaHandler;
import net.multihome.netconf.monitoring.NetconfStateWriter;
import net.multihome.netconf.monitoring.YangLibraryWriter;
import net.multihome.netconf.nacm.NacmEnforcer;
import net.multihome.netconf.notify.CreateSubscriptionHandler;
import net.multihome.netconf.notify.EventSources;
import net.multihome.netconf.notify.NotificationHub;
import net.multihome.netconf.ops.GetHandler;
import net.multihome.netconf.ops.Operations;
import net.multihome.netconf.rpc.Namespaces;
import net.multihome.netconf.rpc.OperationKey;
import net.multihome.netconf.rpc.RpcHandler;
import net.multihome.netconf.rpc.RpcHandlerRegistry;
import net.multihome.netconf.session.ServerStatistics;
import net.multihome.netconf.session.SessionRegistry;
import net.multihome.netconf.ssh.NetconfServer;
import net.multihome.netconf.ssh.UserEntry;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.state.StateData;
import net.multihome.netconf.sync.ConfigSyncService;
import net.multihome.netconf.sync.PeerLockGuard;
import net.multihome.netconf.sync.RequestPushHandler;
import net.multihome.netconf.sync.SyncToPeerHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the layer together; one instance per daemon. */
final class DefaultNetconfService implements NetconfService {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultNetconfService.class);
    /** The transport needs a positive idle timeout; "never" becomes ten years. */
    private static final Duration NEVER = Duration.ofDays(3650);

    private final NetconfServiceBuilder config;
    private final Datastores datastores;
    private final NotificationHub hub;
    private final EventSources eventSources;
    private final RpcHandlerRegistry handlers = new RpcHandlerRegistry();
    /** What the transport adds base:1.0 and base:1.1 to. */
    private final List<String> capabilities;
    private final List<String> allCapabilities;
    private volatile Management.Netconf settings;
    /** Volatile: monitoring reads it from session threads without the service lock. */
    private volatile NetconfServer server;
    private boolean started;
    private AutoCloseable providerSubscription;

    DefaultNetconfService(NetconfServiceBuilder config) {
        this.config = config;
        this.settings = config.settings;
        ConfigCodec codec = new ConfigCodec(config.schema);
        SchemaTree schemaTree = new SchemaTree(config.schema);
        this.datastores = new Datastores(config.store, codec, schemaTree, new SecretBox(config.stateDirectory));
        NacmEnforcer nacm = new NacmEnforcer(config.schema, schemaTree, datastores);
        this.hub = new NotificationHub(nacm);
        this.eventSources = new EventSources(hub, config.clock, codec, schemaTree);
        config.store.addRunningListener(eventSources);
        config.store.addConfirmListener(eventSources);
        this.capabilities = Capabilities.of(config.schema);
        List<String> all = new ArrayList<>(List.of(Namespaces.CAPABILITY_BASE_1_0, Namespaces.CAPABILITY_BASE_1_1));
        all.addAll(capabilities);
        this.allCapabilities = List.copyOf(all);
        ConfigSyncService sync = config.configSync;
        StateData stateData = new StateData(config.status, config.vrrp,
                () -> Optional.ofNullable(sync).map(ConfigSyncService::status));
        NetconfStateWriter netconfState =
                new NetconfStateWriter(config.schema, allCapabilities, config.store, this::sessions);
        YangLibraryWriter yangLibrary = new YangLibraryWriter(config.schema, Capabilities.contentId());
        List<GetHandler.StateContributor> state =
                List.of(stateData::contribute, netconfState::contribute, yangLibrary::contribute, nacm::contribute);
        Map<OperationKey, RpcHandler> operations =
                Operations.of(datastores, new WithDefaults(schemaTree), state, config.probes, nacm);
        if (sync != null) {
            operations.computeIfPresent(OperationKey.base("lock"), (key, lock) -> new PeerLockGuard(sync, lock));
        }
        operations.forEach(handlers::register);
        if (sync != null) {
            handlers.register(YangSchema.NAMESPACE, "sync-to-peer", new SyncToPeerHandler(sync));
            handlers.register(YangSchema.NAMESPACE, "request-push", new RequestPushHandler(sync));
        }
        handlers.guard(nacm);
        handlers.register(Capabilities.MONITORING_NS, "get-schema", new GetSchemaHandler());
        handlers.register(Namespaces.NOTIFICATION, "create-subscription", new CreateSubscriptionHandler(hub));
    }

    @Override
    public synchronized void start() throws IOException {
        if (config.events != null && providerSubscription == null) {
            providerSubscription = eventSources.follow(config.events);
        }
        // Started even when the listener cannot bind: a later change of its settings tries again.
        started = true;
        startServer();
    }

    @Override
    public synchronized void apply(Management.Netconf next) throws IOException {
        Management.Netconf previous = settings;
        settings = next;
        boolean restart = previous.enabled() != next.enabled() || !previous.listen().equals(next.listen())
                || previous.maxSessions() != next.maxSessions() || !previous.idleTimeout().equals(next.idleTimeout());
        if (restart && started) {
            LOG.info("NETCONF listener settings changed: restarting the listener");
            if (server != null) {
                server.close();
                server = null;
            }
            startServer();
        }
    }

    @Override
    public List<InetSocketAddress> boundAddresses() {
        NetconfServer current = server;
        return current == null ? List.of() : current.boundAddresses();
    }

    @Override
    public List<String> capabilities() {
        return allCapabilities;
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            started = false;
            if (server != null) {
                server.close();
                server = null;
            }
        } finally {
            hub.close();
            if (providerSubscription != null) {
                try {
                    providerSubscription.close();
                } catch (Exception e) {
                    LOG.warn("cannot unsubscribe from provider events: {}", e.toString());
                }
                providerSubscription = null;
            }
        }
    }

    @Override
    public NetconfCounters counters() {
        NetconfServer current = server;
        if (current == null) {
            return NetconfCounters.NONE;
        }
        SessionRegistry registry = current.sessions();
        ServerStatistics s = registry.statistics();
        return new NetconfCounters(registry.size(), s.inSessions(), s.inRpcs(), s.inBadRpcs(), s.outRpcErrors(),
                current.failedLogins());
    }

    private SessionRegistry sessions() {
        NetconfServer current = server;
        return current == null ? null : current.sessions();
    }

    private void startServer() throws IOException {
        Management.Netconf s = settings;
        if (!s.enabled() || s.listen().isEmpty()) {
            LOG.info("NETCONF server disabled");
            return;
        }
        List<InetSocketAddress> endpoints = s.listen().stream()
                .map(e -> new InetSocketAddress(e.address() == null ? InetAddress.getLoopbackAddress() : e.address(),
                        e.port()))
                .toList();
        NetconfServer created = NetconfServer.builder()
                .listen(endpoints)
                .hostKeyFile(config.hostKeyFile != null ? config.hostKeyFile
                        : config.stateDirectory.resolve("netconf-host-key-ed25519"))
                .users(this::user)
                .maxSessions(s.maxSessions())
                .idleTimeout(s.idleTimeout().isZero() ? NEVER : s.idleTimeout())
                .capabilities(capabilities)
                .handlers(handlers)
                .sessionListener(eventSources)
                .clock(config.clock)
                .build();
        created.start();
        server = created;
    }

    /** Consulted on every login, so user changes apply without a restart. */
    private Optional<UserEntry> user(String name) {
        return settings.users().stream().filter(u -> u.name().equals(name)).findFirst()
                .map(u -> new UserEntry(u.name(), Optional.ofNullable(u.passwordHash()), u.authorizedKeys()));
    }
}
