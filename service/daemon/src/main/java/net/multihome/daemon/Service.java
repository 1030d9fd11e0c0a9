package net.multihome.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import net.multihome.core.config.ConfigLoader;
import net.multihome.core.config.InvalidConfigException;
import net.multihome.core.config.Management;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.health.HealthMonitor;
import net.multihome.core.reconcile.NetlinkDataplane;
import net.multihome.core.reconcile.ReconcileLoop;
import net.multihome.core.reconcile.Reconciler;
import net.multihome.core.reconcile.TableNamesFile;
import net.multihome.core.status.ProviderEvents;
import net.multihome.core.status.StatusTracker;
import net.multihome.core.store.StartupFile;
import net.multihome.core.yang.YangSchema;
import net.multihome.netlink.NetlinkHandle;
import net.multihome.netconf.datastore.DatastoreException;
import net.multihome.netconf.rpc.RpcError;
import net.multihome.netconf.service.NetconfService;
import net.multihome.netlink.NetlinkEvent;
import net.multihome.netlink.NetlinkMonitor;
import net.multihome.netlink.model.Link;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon: the startup configuration, the reconcile loop on the kernel of the
 * process's own namespace, the kernel event monitor that triggers it, the health monitor
 * whose verdicts feed the planner, and the NETCONF and SNMP servers on the side. Closing stops the
 * service and leaves the kernel state in place, so traffic keeps flowing.
 */
final class Service implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Service.class);

    private final StartupFile startup;
    private final NetlinkHandle netlink;
    private final ReconcileLoop loop;
    private final NetlinkMonitor monitor;
    private final HealthMonitor health;
    private final SnmpService snmp;
    private final NetconfService netconf;

    private Service(StartupFile startup, NetlinkHandle netlink, ReconcileLoop loop, NetlinkMonitor monitor,
            HealthMonitor health, SnmpService snmp, NetconfService netconf) {
        this.startup = startup;
        this.netlink = netlink;
        this.loop = loop;
        this.monitor = monitor;
        this.health = health;
        this.snmp = snmp;
        this.netconf = netconf;
    }

    /**
     * Starts from {@code startup.xml}, creating it from the factory configuration if missing.
     *
     * @throws InvalidConfigException when the startup (or factory) configuration is invalid
     */
    static Service start(DaemonOptions options) throws IOException, InvalidConfigException {
        YangSchema schema = YangSchema.load();
        StartupFile startup = new StartupFile(options.stateDirectory(), new ConfigLoader(schema));
        if (options.factoryConfig() != null && startup.createFrom(options.factoryConfig())) {
            LOG.info("created {} from {}", startup.path(), options.factoryConfig());
        } else if (!Files.exists(startup.path())) {
            startup.save("<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"/>\n");
            LOG.info("created an empty {}", startup.path());
        }
        MultihomeConfig config = startup.load();
        LOG.info("starting with {} ({} provider(s))", startup.path(), config.providers().size());
        ProviderEvents events = new ProviderEvents();
        // The loop and the health monitor call each other: verdicts trigger passes, passes
        // tell the monitor which links are usable and which source addresses to probe from.
        AtomicReference<ReconcileLoop> loopRef = new AtomicReference<>();
        AtomicReference<StatusTracker> statusRef = new AtomicReference<>();
        HealthMonitor health = HealthMonitor.builder()
                .listener(change -> loopRef.get().health(change.provider(), change.newHealth()))
                .bindings(new ProbeBindings(() -> statusRef.get().lastPass()))
                .build();
        StatusTracker status = new StatusTracker(InstantSource.system(), options.owner(), events,
                new HealthStats(health));
        statusRef.set(status);
        NetlinkHandle netlink = NetlinkHandle.open();
        Reconciler reconciler = new Reconciler(new NetlinkDataplane(netlink), options.owner(),
                new TableNamesFile(options.tableNames()));
        CountDownLatch firstPass = new CountDownLatch(1);
        ReconcileLoop loop = new ReconcileLoop(reconciler, config, options.safetyInterval(),
                Duration.ofSeconds(1), result -> {
                    status.record(loopRef.get().config(), result);
                    firstPass.countDown();
                    result.links().forEach(link -> health.linkChanged(link.name(), usable(link), linkState(link)));
                });
        loopRef.set(loop);
        KernelEventFilter relevant = new KernelEventFilter(options.owner().protocol());
        NetlinkMonitor monitor = NetlinkMonitor.start(event -> {
            if (event instanceof NetlinkEvent.LinkEvent e) {
                health.linkChanged(e.link().name(), usable(e.link()), linkState(e.link()));
            }
            if (relevant.test(event)) {
                loop.trigger();
            }
        });
        health.apply(config.providers());
        loop.start();
        SnmpService snmp = new SnmpService(options.stateDirectory(), status, events);
        snmp.apply(config.management().snmp());
        AtomicReference<NetconfService> netconfRef = new AtomicReference<>();
        Consumer<MultihomeConfig> applied = next -> {
            health.apply(next.providers());
            snmp.apply(next.management().snmp());
            // On its own thread: a new listen address restarts the listener, which ends the
            // session whose commit is being answered.
            Thread.startVirtualThread(() -> applyNetconf(netconfRef.get(), next.management().netconf()));
        };
        // Built even when disabled: its datastores carry every change of running (reloads too),
        // and a later configuration that enables it starts the listener.
        NetconfService netconf = NetconfService.builder().schema(schema).stateDirectory(options.stateDirectory())
                .startup(startup).applier(new KernelApplier(loop, applied)).status(status).events(events)
                .probes(new HealthProbes(health, status)).settings(config.management().netconf()).build();
        netconfRef.set(netconf);
        try {
            netconf.start();
        } catch (IOException e) {
            // Routing goes on without the management plane; the kernel state is intact either way.
            LOG.error("NETCONF server not started: {}", e.toString());
        }
        awaitFirstPass(firstPass, status);
        return new Service(startup, netlink, loop, monitor, health, snmp, netconf);
    }

    /** Logs "ready" once the first pass is done and every server listens (the lab waits for it). */
    private static void awaitFirstPass(CountDownLatch firstPass, StatusTracker status) {
        try {
            if (firstPass.await(30, TimeUnit.SECONDS)) {
                LOG.info("ready: first reconcile pass {}", status.lastPass().summary());
            } else {
                LOG.warn("the first reconcile pass did not finish within 30 s; serving anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void applyNetconf(NetconfService netconf, Management.Netconf settings) {
        try {
            netconf.apply(settings);
        } catch (IOException | RuntimeException e) {
            LOG.error("NETCONF settings not applied: {}", e.toString(), e);
        }
    }

    private static boolean usable(Link link) {
        return link.adminUp() && link.carrier();
    }

    private static String linkState(Link link) {
        return !link.adminUp() ? "interface " + link.name() + " is administratively down"
                : link.carrier() ? "interface " + link.name() + " is up"
                : "interface " + link.name() + " has no carrier";
    }

    /**
     * SIGHUP: re-reads startup.xml and makes it running; an invalid file, or one the kernel
     * refuses, is logged and the running configuration kept. The change goes through the
     * NETCONF running datastore (whether or not the server listens), so running and the kernel
     * never disagree.
     */
    void reload() {
        try {
            netconf.replaceRunning(startup.loadData());
            LOG.info("reloaded {}", startup.path());
        } catch (InvalidConfigException e) {
            LOG.error("reload refused, keeping the running configuration: {}: {}", startup.path(), e.getMessage());
        } catch (DatastoreException e) {
            LOG.error("reload refused, keeping the running configuration: {}: {}", startup.path(),
                    e.errors().stream().map(RpcError::message).toList());
        } catch (IOException e) {
            LOG.error("reload failed, keeping the running configuration: cannot read {}: {}", startup.path(),
                    e.toString());
        }
    }

    @Override
    public void close() {
        try {
            netconf.close();
        } catch (IOException e) {
            LOG.warn("closing the NETCONF server: {}", e.toString());
        }
        snmp.close();
        monitor.close();
        health.close();
        loop.close();
        netlink.close();
        LOG.info("stopped; kernel state left in place");
    }
}
