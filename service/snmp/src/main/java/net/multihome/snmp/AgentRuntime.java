package net.multihome.snmp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import net.multihome.core.config.Management;
import net.multihome.core.pair.VrrpSource;
import net.multihome.core.secret.SecretBox;
import net.multihome.core.status.ProviderEvents;
import net.multihome.core.status.StatusSource;
import net.multihome.snmp.mib.GeneralRenderer;
import net.multihome.snmp.mib.IfXTableRenderer;
import net.multihome.snmp.mib.InterfacesRenderer;
import net.multihome.snmp.mib.Oids;
import net.multihome.snmp.mib.ProviderTableRenderer;
import net.multihome.snmp.mib.RedundancyRenderer;
import net.multihome.snmp.mib.RoutesRenderer;
import net.multihome.snmp.mib.SnapshotCache;
import net.multihome.snmp.mib.SnapshotSubtree;
import net.multihome.snmp.mib.TargetTableRenderer;
import net.multihome.snmp.state.EngineIdentity;
import net.multihome.snmp.state.ProviderIndexStore;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.agent.AgentConfigManager;
import org.snmp4j.agent.DefaultMOServer;
import org.snmp4j.agent.DuplicateRegistrationException;
import org.snmp4j.agent.MOServer;
import org.snmp4j.agent.NotificationOriginator;
import org.snmp4j.agent.mo.snmp.NotificationOriginatorImpl;
import org.snmp4j.agent.mo.snmp.SnmpNotificationMIB;
import org.snmp4j.agent.request.SnmpRequest;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthHMAC256SHA384;
import org.snmp4j.security.AuthHMAC384SHA512;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.DefaultUdpTransportMapping;
import org.snmp4j.util.ThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires SNMP4J-Agent's {@link AgentConfigManager} (USM, VACM, SNMPv2-MIB, target and
 * notification MIBs, request processing) to our MIB subtrees, access control and
 * notification receivers, and owns the UDP sockets.
 */
final class AgentRuntime implements SnmpAgent {

    private static final Logger LOG = LoggerFactory.getLogger(AgentRuntime.class);
    private static final int DEFAULT_PORT = 161;
    /** The PDU types a manager asks with (responses to our informs are not requests). */
    private static final Set<Integer> REQUESTS = Set.of(PDU.GET, PDU.GETNEXT, PDU.GETBULK, PDU.SET);

    private final Path stateDirectory;
    private final SecretBox secrets;
    private final StatusSource statusSource;
    private final ProviderEvents events;
    private final VrrpSource vrrp;
    private final String version;
    private final Duration cacheTtl;
    private final int maxRepetitions;
    private final int maxInboundMessageSize;
    private final int workerThreads;
    private final Clock clock;
    private final LongSupplier nanoTicker;
    private final Map<Management.Endpoint, DefaultUdpTransportMapping> transports = new LinkedHashMap<>();
    private final DatagramChannel inheritedSocket;
    private DefaultUdpTransportMapping inherited;
    private final LongAdder requests = new LongAdder();

    private Management.Snmp settings;
    private MessageDispatcherImpl dispatcher;
    private ThreadPool workers;
    private Manager manager;
    private AccessControl access;
    private NotificationTargets targets;
    private EngineIdentity identity;
    private AutoCloseable subscription;
    private AutoCloseable vrrpSubscription;
    private NotificationSender sender;
    private boolean started;
    private boolean closed;

    AgentRuntime(SnmpAgent.Builder builder) {
        this.stateDirectory = builder.stateDirectory;
        this.secrets = builder.secrets != null ? builder.secrets : new SecretBox(builder.stateDirectory);
        this.statusSource = builder.statusSource;
        this.events = builder.events;
        this.vrrp = builder.vrrp;
        this.settings = builder.settings;
        this.version = builder.version;
        this.cacheTtl = builder.cacheTtl;
        this.maxRepetitions = builder.maxRepetitions;
        this.maxInboundMessageSize = builder.maxInboundMessageSize;
        this.workerThreads = builder.workerThreads;
        this.clock = builder.clock;
        this.nanoTicker = builder.nanoTicker;
        this.inheritedSocket = builder.inheritedSocket;
    }

    @Override
    public synchronized void start() throws IOException {
        if (started) {
            throw new IllegalStateException("the agent was started already");
        }
        started = true;
        try {
            Files.createDirectories(stateDirectory);
            identity = EngineIdentity.open(stateDirectory, Oids.ENTERPRISE);
            ProviderIndexStore indexes = ProviderIndexStore.open(stateDirectory);
            dispatcher = new MessageDispatcherImpl();
            // First in line and leaves the PDU unprocessed, so the command processor still answers it.
            dispatcher.addCommandResponder(new CommandResponder() {
                @Override
                public <A extends Address> void processPdu(CommandResponderEvent<A> event) {
                    if (event.getPDU() != null && REQUESTS.contains(event.getPDU().getType())) {
                        requests.increment();
                    }
                }
            });
            for (Management.Endpoint endpoint : endpoints(settings)) {
                transports.put(endpoint, bind(endpoint));
            }
            if (inheritedSocket != null) {
                inherited = new InheritedUdpTransportMapping(inheritedSocket);
                inherited.setMaxInboundMessageSize(maxInboundMessageSize);
                inherited.setThreadName("multihome-snmp-passed-" + inherited.getListenAddress());
                dispatcher.addTransportMapping(inherited);
            }
            workers = workerThreads == 0 ? null : ThreadPool.create("multihome-snmp", workerThreads);
            DefaultMOServer server = new DefaultMOServer();
            ReadOnlyVacm vacm = new ReadOnlyVacm();
            manager = new Manager(identity.engineId(), dispatcher, vacm, server, workers, identity);
            manager.setContext(new SecurityModels(), securityProtocols(), new CounterSupport());
            SystemDescription host = SystemDescription.ofThisHost();
            manager.getSysDescr().setValue(host.sysDescr(version));
            manager.getSysOID().setValue(Oids.SYS_OBJECT_ID.getValue());
            Instant agentStarted = clock.instant();
            manager.initialize();
            manager.getSNMPv2MIB().setName(new OctetString(host.hostname()));
            registerSubtrees(server, indexes, agentStarted);

            access = new AccessControl(vacm, manager.getUsm(), identity.engineId(), secrets);
            manager.getCommandProcessor().setCoexistenceProvider(access);
            manager.getSnmpTargetMIB().setCoexistenceProvider(access);
            targets = new NotificationTargets(manager.getSnmpTargetMIB(), manager.getSnmpNotificationMIB(),
                    manager::originatorFor);
            applySecurity(settings);
            sender = new NotificationSender();
            sender.route(targets.apply(settings));
            // a JVM-wide SNMP4J setting: bounds the work and the response size of one GETBULK
            SnmpRequest.setMaxRepetitionsLimit(maxRepetitions);

            manager.run();
            sender.send(SnmpConstants.coldStart);
            subscription = events.subscribe(new ProviderTraps(sender, indexes));
            vrrpSubscription = vrrp.subscribe(new VrrpTraps(sender::send, statusSource, vrrp.current()));
            LOG.info("SNMP agent listening on {}", boundAddresses());
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public synchronized void apply(Management.Snmp next) throws IOException {
        if (!started || closed) {
            throw new IllegalStateException("the agent is not running");
        }
        rebind(next);
        applySecurity(next);
        sender.route(targets.apply(next));
        settings = next;
        LOG.info("SNMP settings applied: {} communities, {} users, {} notification targets",
                next.communities().size(), next.users().size(), next.targets().size());
    }

    @Override
    public synchronized List<InetSocketAddress> boundAddresses() {
        List<InetSocketAddress> bound = new ArrayList<>();
        for (DefaultUdpTransportMapping transport : transports.values()) {
            bound.add(socketAddress(transport));
        }
        if (inherited != null) {
            bound.add(socketAddress(inherited));
        }
        return bound;
    }

    @Override
    public long requests() {
        return requests.sum();
    }

    @Override
    public synchronized byte[] engineId() {
        if (identity == null) {
            throw new IllegalStateException("the engine ID is known once the agent has started");
        }
        return identity.engineId().getValue();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        unsubscribe(subscription, "provider events");
        unsubscribe(vrrpSubscription, "VRRP state changes");
        if (sender != null) {
            sender.close();
        }
        if (manager != null) {
            manager.shutdown();
        }
        for (DefaultUdpTransportMapping transport : transports.values()) {
            closeQuietly(transport);
        }
        transports.clear();
        if (inherited != null) {
            closeQuietly(inherited);
        } else if (inheritedSocket != null) {
            closeQuietly(inheritedSocket);
        }
        if (workers != null) {
            workers.cancel();
        }
    }

    /** Informs acknowledged and not, for tests and diagnostics. */
    NotificationSender.InformCounts informCounts() {
        return sender.informCounts();
    }

    private void applySecurity(Management.Snmp next) {
        access.apply(next);
        manager.getSNMPv2MIB().setContact(new OctetString(next.contact() == null ? "" : next.contact()));
        manager.getSNMPv2MIB().setLocation(new OctetString(next.location() == null ? "" : next.location()));
    }

    private void registerSubtrees(MOServer server, ProviderIndexStore indexes, Instant agentStarted) {
        SnapshotCache cache = new SnapshotCache(statusSource, cacheTtl, nanoTicker);
        List<SnapshotSubtree> subtrees = List.of(
                new SnapshotSubtree(Oids.INTERFACES, cache, new InterfacesRenderer()),
                new SnapshotSubtree(Oids.IF_X_ENTRY, cache, new IfXTableRenderer()),
                new SnapshotSubtree(Oids.IP_FORWARD, cache, new RoutesRenderer()),
                new SnapshotSubtree(Oids.GENERAL, cache, new GeneralRenderer()),
                new SnapshotSubtree(Oids.PROVIDER_ENTRY, cache, new ProviderTableRenderer(indexes, agentStarted)),
                new SnapshotSubtree(Oids.TARGET_ENTRY, cache, new TargetTableRenderer(indexes)),
                new SnapshotSubtree(Oids.REDUNDANCY, cache, new RedundancyRenderer(vrrp, agentStarted)));
        try {
            for (SnapshotSubtree subtree : subtrees) {
                server.register(subtree, null);
            }
        } catch (DuplicateRegistrationException e) {
            throw new IllegalStateException("MIB subtree registered twice: " + e.getMessage(), e);
        }
    }

    /** Closes sockets no longer configured and binds new ones; unchanged ones keep running. */
    private void rebind(Management.Snmp next) throws IOException {
        List<Management.Endpoint> wanted = endpoints(next);
        for (var it = transports.entrySet().iterator(); it.hasNext();) {
            var entry = it.next();
            if (!wanted.contains(entry.getKey())) {
                dispatcher.removeTransportMapping(entry.getValue());
                closeQuietly(entry.getValue());
                it.remove();
            }
        }
        for (Management.Endpoint endpoint : wanted) {
            if (!transports.containsKey(endpoint)) {
                DefaultUdpTransportMapping transport = bind(endpoint);
                transport.addTransportListener(dispatcher);
                transport.listen();
                transports.put(endpoint, transport);
            }
        }
    }

    private DefaultUdpTransportMapping bind(Management.Endpoint endpoint) throws IOException {
        DefaultUdpTransportMapping transport =
                new DefaultUdpTransportMapping(new UdpAddress(endpoint.address(), endpoint.port()));
        transport.setMaxInboundMessageSize(maxInboundMessageSize);
        transport.setThreadName("multihome-snmp-" + endpoint.address().getHostAddress() + "-" + endpoint.port());
        dispatcher.addTransportMapping(transport);
        return transport;
    }

    /** The configured endpoints; none configured means every IPv4 address on port 161. */
    private static List<Management.Endpoint> endpoints(Management.Snmp settings) throws IOException {
        if (!settings.listen().isEmpty()) {
            return settings.listen();
        }
        return List.of(new Management.Endpoint(InetAddress.getByName("0.0.0.0"), DEFAULT_PORT));
    }

    /** SHA-2 authentication (RFC 7860) and AES privacy only: no MD5, SHA-1 or DES. */
    private static SecurityProtocols securityProtocols() {
        SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.none);
        protocols.addAuthenticationProtocol(new AuthHMAC192SHA256());
        protocols.addAuthenticationProtocol(new AuthHMAC256SHA384());
        protocols.addAuthenticationProtocol(new AuthHMAC384SHA512());
        protocols.addPrivacyProtocol(new PrivAES128());
        protocols.addPrivacyProtocol(new PrivAES256());
        return protocols;
    }

    /** SNMP4J's agent configuration, launching no notifications and making an originator per receiver. */
    private static final class Manager extends AgentConfigManager {

        Manager(OctetString engineId, MessageDispatcherImpl dispatcher, ReadOnlyVacm vacm, MOServer server,
                ThreadPool workers, EngineIdentity identity) {
            super(engineId, dispatcher, vacm, new MOServer[] {server}, workers, null, null, identity);
        }

        @Override
        protected void fireLaunchNotifications() {
            // SNMP4J's coldStart would go out on a request worker, blocking it on informs:
            // ours goes through the NotificationSender's lanes
        }

        /** An originator on the agent's session that sends to the targets of {@code notifyTable} only. */
        NotificationOriginator originatorFor(SnmpNotificationMIB notifyTable) {
            return new NotificationOriginatorImpl(session, vacm, getSysUpTime(), targetMIB, notifyTable);
        }
    }

    private static void unsubscribe(AutoCloseable subscription, String what) {
        if (subscription == null) {
            return;
        }
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.warn("cannot unsubscribe from {}: {}", what, e.toString());
        }
    }

    private static InetSocketAddress socketAddress(DefaultUdpTransportMapping transport) {
        UdpAddress address = transport.getListenAddress();
        return new InetSocketAddress(address.getInetAddress(), address.getPort());
    }

    private static void closeQuietly(DatagramChannel socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.warn("cannot close the passed socket: {}", e.toString());
        }
    }

    private static void closeQuietly(DefaultUdpTransportMapping transport) {
        try {
            transport.close();
        } catch (IOException e) {
            LOG.warn("cannot close {}: {}", transport.getListenAddress(), e.toString());
        }
    }
}
