package net.multihome.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import net.multihome.core.config.ConfigLoader;
import net.multihome.core.config.InvalidConfigException;
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
import net.multihome.netlink.NetlinkEvent;
import net.multihome.netlink.NetlinkMonitor;
import net.multihome.netlink.model.Link;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon: the startup configuration, the reconcile loop on the kernel of the
 * process's own namespace, the kernel event monitor that triggers it, and the health monitor
 * whose verdicts feed the planner. Closing stops the
 * service and leaves the kernel state in place, so traffic keeps flowing.
 */
final class Service implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Service.class);

    private final StartupFile startup;
    private final NetlinkHandle netlink;
    private final ReconcileLoop loop;
    private final NetlinkMonitor monitor;
    private final StatusTracker status;
    private final HealthMonitor health;

    private Service(StartupFile startup, NetlinkHandle netlink, ReconcileLoop loop, NetlinkMonitor monitor,
            StatusTracker status, HealthMonitor health) {
        this.startup = startup;
        this.netlink = netlink;
        this.loop = loop;
        this.monitor = monitor;
        this.status = status;
        this.health = health;
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
        StatusTracker status = new StatusTracker(InstantSource.system(), events, new HealthStats(health));
        statusRef.set(status);
        NetlinkHandle netlink = NetlinkHandle.open();
        Reconciler reconciler = new Reconciler(new NetlinkDataplane(netlink), options.owner(),
                new TableNamesFile(options.tableNames()));
        ReconcileLoop loop = new ReconcileLoop(reconciler, config, options.safetyInterval(),
                Duration.ofSeconds(1), result -> {
                    status.record(loopRef.get().config(), result);
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
        return new Service(startup, netlink, loop, monitor, status, health);
    }

    private static boolean usable(Link link) {
        return link.adminUp() && link.carrier();
    }

    private static String linkState(Link link) {
        return !link.adminUp() ? "interface " + link.name() + " is administratively down"
                : link.carrier() ? "interface " + link.name() + " is up"
                : "interface " + link.name() + " has no carrier";
    }

    /** SIGHUP: re-reads startup.xml; an invalid file is logged and the running configuration kept. */
    void reload() {
        try {
            MultihomeConfig config = startup.load();
            health.apply(config.providers());
            loop.apply(config);
            LOG.info("reloaded {} ({} provider(s))", startup.path(), config.providers().size());
        } catch (InvalidConfigException e) {
            LOG.error("reload refused, keeping the running configuration: {}: {}", startup.path(), e.getMessage());
        } catch (IOException e) {
            LOG.error("reload failed, keeping the running configuration: cannot read {}: {}", startup.path(),
                    e.toString());
        }
    }

    StatusTracker status() {
        return status;
    }

    @Override
    public void close() {
        monitor.close();
        health.close();
        loop.close();
        netlink.close();
        LOG.info("stopped; kernel state left in place");
    }
}
