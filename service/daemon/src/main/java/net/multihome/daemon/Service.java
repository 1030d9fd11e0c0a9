package net.multihome.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import net.multihome.core.config.ConfigLoader;
import net.multihome.core.config.ConfigReader;
import net.multihome.core.config.InvalidConfigException;
import net.multihome.core.config.Management;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.health.HealthMonitor;
import net.multihome.core.pair.PairFiles;
import net.multihome.core.reconcile.NetlinkDataplane;
import net.multihome.core.reconcile.ReconcileLoop;
import net.multihome.core.reconcile.Reconciler;
import net.multihome.core.reconcile.TableNamesFile;
import net.multihome.core.status.ProviderEvents;
import net.multihome.core.status.StatusTracker;
import net.multihome.core.store.ConfigStore;
import net.multihome.core.store.StartupFile;
import net.multihome.core.store.StoreException;
import net.multihome.core.time.Scheduler;
import net.multihome.core.yang.YangSchema;
import net.multihome.daemon.counters.CounterRefresher;
import net.multihome.daemon.leases.LeaseDirectory;
import net.multihome.daemon.memory.ArchivePages;
import net.multihome.daemon.metrics.MetricSources;
import net.multihome.daemon.pair.PairFileWriter;
import net.multihome.daemon.pair.VrrpStateWatcher;
import net.multihome.daemon.watch.DirectoryWatch;
import net.multihome.daemon.metrics.MetricsService;
import net.multihome.daemon.status.StatusServer;
import net.multihome.netconf.service.NetconfService;
import net.multihome.netconf.sync.ConfigSyncService;
import net.multihome.netlink.NetlinkEvent;
import net.multihome.netlink.NetlinkHandle;
import net.multihome.netlink.NetlinkMonitor;
import net.multihome.netlink.nft.NftablesMonitor;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon: the configuration store (running, candidate, startup), the reconcile
 * loop that owns the daemon's state and drives the kernel of the process's own namespace, the
 * kernel event and nftables monitors and the DHCP lease directory that wake it, the health monitor whose verdicts it reads, the
 * self-check that watches both, the counter refresher that hands it the interfaces' counters,
 * and the NETCONF, SNMP and metrics servers on the side, which read immutable snapshots.
 * Closing stops the service and leaves the kernel state in place, so traffic keeps flowing.
 */
final class Service implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Service.class);
    /** Exit status after a failed self-check (EX_SOFTWARE): the service manager restarts the daemon. */
    static final int STALLED_EXIT = 70;

    private final StartupFile startup;
    private final ConfigStore store;
    private final ServiceManager manager;
    /** Everything else that runs, in the order it is closed: servers and watchers before what they use. */
    private final List<AutoCloseable> parts;

    private Service(StartupFile startup, ConfigStore store, ServiceManager manager, List<AutoCloseable> parts) {
        this.startup = startup;
        this.store = store;
        this.manager = manager;
        this.parts = parts;
    }

    /**
     * Starts from {@code startup.xml}, creating it from the factory configuration if missing,
     * and tells {@code manager} once it serves.
     *
     * @throws InvalidConfigException when the startup (or factory) configuration is invalid
     */
    static Service start(DaemonOptions options, ServiceManager manager) throws IOException, InvalidConfigException {
        // Each server's start is mostly class loading and set-up on one CPU; they run on the
        // second CPU while this thread parses the YANG modules and starts the first pass.
        StartupTask sshPreload = StartupTask.start("netconf-preload", NetconfService::preload);
        YangSchema schema = YangSchema.load();
        StartupFile startup = new StartupFile(options.stateDirectory(), new ConfigLoader(schema));
        if (options.factoryConfig() != null && startup.createFrom(options.factoryConfig())) {
            LOG.info("created {} from {}", startup.path(), options.factoryConfig());
        } else if (!Files.exists(startup.path())) {
            startup.save("<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"/>\n");
            LOG.info("created an empty {}", startup.path());
        }
        ContainerNode startupData = startup.loadData();
        MultihomeConfig config = ConfigReader.read(startupData);
        LOG.info("starting with {} ({} provider(s))", startup.path(), config.providers().size());
        Scheduler timers = Scheduler.system("timers");
        ProviderEvents events = new ProviderEvents();
        StatusTracker status = new StatusTracker(timers::now, options.owner(), events);
        // The health monitor wakes the loop, and the loop tells the monitor its configuration
        // and links; neither waits for the other, so the reference is set before either runs.
        AtomicReference<ReconcileLoop> loopRef = new AtomicReference<>();
        HealthMonitor health = HealthMonitor.builder().scheduler(timers)
                .updates(() -> loopRef.get().healthUpdated())
                .bindings(new ProbeBindings(status::lastPass))
                .build();
        NetlinkHandle netlink = NetlinkHandle.open();
        LeaseDirectory leases = LeaseDirectory.open(options.leaseDirectory());
        Reconciler reconciler = new Reconciler(new NetlinkDataplane(netlink), options.owner(),
                new TableNamesFile(options.tableNames()), leases);
        CountDownLatch firstPass = new CountDownLatch(1);
        PairFileWriter pairFiles = new PairFileWriter(new PairFiles(options.runtimeDirectory(), options.vrrpNotify()));
        pairFiles.configure(config);
        VrrpStateWatcher vrrp = VrrpStateWatcher.open(pairFiles.files().state());
        ReconcileLoop loop = new ReconcileLoop(reconciler, config, health::verdicts, timers, options.safetyInterval(),
                Duration.ofSeconds(1), new OwnerDuties(health, status, firstPass, pairFiles));
        loopRef.set(loop);
        KernelEventFilter relevant = new KernelEventFilter(options.owner().protocol());
        NetlinkMonitor monitor = NetlinkMonitor.start(event -> {
            // The loop learns the kernel changed before health reacts to the same link: a pass for
            // the new verdict then reads the kernel rather than trusting the nexthops it last left.
            if (relevant.test(event)) {
                loop.trigger();
            }
            if (event instanceof NetlinkEvent.LinkEvent e) {
                health.linkChanged(e.link().name(), OwnerDuties.usable(e.link()), OwnerDuties.linkState(e.link()));
            }
        });
        health.apply(config.providers());
        loop.start();
        DirectoryWatch files = DirectoryWatch.start("file-watch");
        leases.watch(files, loop::trigger);
        vrrp.watch(files);
        // A change to any nftables table wakes a pass: ours, deleted or edited, is back at once.
        // Passes list the table only after such a change.
        NftablesMonitor nftables = NftablesMonitor.start(null, () -> {
            reconciler.nftablesChanged();
            loop.trigger();
        });
        reconciler.watchNftables(nftables::watching);
        CounterRefresher counters = CounterRefresher.start(Duration.ofSeconds(1), loop::linksRead);
        SnmpService snmp = new SnmpService(options.stateDirectory(), status, events, vrrp, PassedSocket.snmp());
        StartupTask snmpStart = StartupTask.start("snmp-start", () -> snmp.apply(config.management().snmp()));
        AtomicReference<NetconfService> netconfRef = new AtomicReference<>();
        MetricsService metrics = new MetricsService(new MetricSources(status::snapshot, status::counters,
                () -> netconfRef.get().counters(), snmp::requests, vrrp::state));
        Consumer<MultihomeConfig> applied = next -> {
            snmp.apply(next.management().snmp());
            metrics.apply(next.management().metrics());
            // On its own thread: a new listen address restarts the listener, which ends the
            // session whose commit is being answered.
            Thread.startVirtualThread(() -> applyNetconf(netconfRef.get(), next.management().netconf()));
        };
        // Every change of running goes through the store, NETCONF's and the reload's alike.
        ConfigStore store = new ConfigStore(schema, options.stateDirectory(), startup,
                new KernelApplier(loop::apply, applied), timers, startupData);
        // Always hooked in: it acts only while the running configuration enables it.
        ConfigSyncService sync = ConfigSyncService.start(store, schema, options.stateDirectory());
        // Built even when disabled: a later configuration that enables it starts the listener.
        NetconfService netconf = NetconfService.builder().schema(schema).stateDirectory(options.stateDirectory())
                .store(store).status(status).events(events).configSync(sync)
                .probes(new HealthProbes(health, status)).vrrp(vrrp::state)
                .settings(config.management().netconf()).build();
        netconfRef.set(netconf);
        StartupTask metricsStart = StartupTask.start("metrics-start", () -> metrics.apply(config.management().metrics()));
        // Both applied the start's settings before a rolled back commit applies its own.
        snmpStart.await();
        metricsStart.await();
        resume(store);
        try {
            sshPreload.await();
            netconf.start();
        } catch (IOException | RuntimeException e) {
            // Routing goes on without the management plane; the kernel state is intact either way.
            LOG.error("NETCONF server not started: {}", e.toString());
        }
        // Once this router's server listens: the peer may answer the first contact with a push.
        sync.contactPeer();
        StatusServer statusSocket = StatusSocket.start(options.runtimeDirectory(), status, vrrp::state, sync::status,
                timers::now);
        awaitFirstPass(firstPass, status);
        manager.ready(status.snapshot());
        ArchivePages.release();
        SelfCheck selfCheck = selfCheck(options.selfCheck(), loop, health, () -> manager.progressing(status.snapshot()));
        selfCheck.start();
        return new Service(startup, store, manager, Stream.of(selfCheck, statusSocket, counters, metrics, netconf,
                sync, store, snmp, nftables, monitor, files, health, loop, timers, netlink).filter(Objects::nonNull).toList());
    }

    /**
     * Watches the reconcile loop and the probe rounds. Probe rounds may be as far apart as the
     * longest interval plus its timeout; the limit comes on top of that.
     */
    private static SelfCheck selfCheck(Duration limit, ReconcileLoop loop, HealthMonitor health,
            Runnable progressing) {
        HealthProgress rounds = new HealthProgress(health, System::nanoTime);
        return new SelfCheck(List.of(
                new SelfCheck.Watch("reconcile loop", loop::stalledFor, () -> limit),
                new SelfCheck.Watch("health probe rounds", rounds::stalledFor,
                        () -> limit.plus(HealthProgress.longestRound(loop.config())))),
                Scheduler.system("self-check"), (watch, stalled) -> {
                    LOG.error("self-check: the {} made no progress for {} s with work pending; threads:\n{}",
                            watch.what(), stalled.toSeconds(), ThreadDump.take());
                    LOG.error("self-check: exiting so that the service manager restarts the daemon;"
                            + " the kernel state stays in place");
                    Runtime.getRuntime().halt(STALLED_EXIT);
                }, progressing);
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

    /** Rolls back a confirmed commit the last run left unconfirmed; routing goes on if that fails. */
    private static void resume(ConfigStore store) {
        try {
            store.resume();
        } catch (IOException e) {
            LOG.error("cannot roll back a confirmed commit left unconfirmed: {}", e.toString());
        }
    }

    private static void applyNetconf(NetconfService netconf, Management.Netconf settings) {
        try {
            netconf.apply(settings);
        } catch (IOException | RuntimeException e) {
            LOG.error("NETCONF settings not applied: {}", e.toString(), e);
        }
    }

    /**
     * SIGHUP: re-reads startup.xml and makes it running through the configuration store, so
     * running and the kernel never disagree; a file that cannot be read, is invalid or that the
     * kernel refuses is logged in one line and the running configuration kept.
     */
    void reload() {
        try {
            store.reloadStartup();
            LOG.info("reloaded {}", startup.path());
        } catch (StoreException e) {
            LOG.error("reload refused, keeping the running configuration: {}: {}", startup.path(), e.getMessage());
        }
    }

    @Override
    public void close() {
        manager.stopping();
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
        LOG.info("stopped; kernel state left in place");
    }
}
