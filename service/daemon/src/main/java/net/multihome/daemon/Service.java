package net.multihome.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.InstantSource;
import net.multihome.core.config.ConfigLoader;
import net.multihome.core.config.InvalidConfigException;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.reconcile.NetlinkDataplane;
import net.multihome.core.reconcile.ReconcileLoop;
import net.multihome.core.reconcile.Reconciler;
import net.multihome.core.reconcile.TableNamesFile;
import net.multihome.core.status.ProbeReport;
import net.multihome.core.status.ProviderEvents;
import net.multihome.core.status.StatusTracker;
import net.multihome.core.store.StartupFile;
import net.multihome.core.yang.YangSchema;
import net.multihome.netlink.NetlinkHandle;
import net.multihome.netlink.NetlinkMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon: the startup configuration, the reconcile loop on the kernel of the
 * process's own namespace, and the kernel event monitor that triggers it. Closing stops the
 * service and leaves the kernel state in place, so traffic keeps flowing.
 */
final class Service implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Service.class);

    private final StartupFile startup;
    private final NetlinkHandle netlink;
    private final ReconcileLoop loop;
    private final NetlinkMonitor monitor;
    private final StatusTracker status;

    private Service(StartupFile startup, NetlinkHandle netlink, ReconcileLoop loop, NetlinkMonitor monitor,
            StatusTracker status) {
        this.startup = startup;
        this.netlink = netlink;
        this.loop = loop;
        this.monitor = monitor;
        this.status = status;
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
        StatusTracker status = new StatusTracker(InstantSource.system(), events, ProbeReport.NONE);
        NetlinkHandle netlink = NetlinkHandle.open();
        Reconciler reconciler = new Reconciler(new NetlinkDataplane(netlink), options.owner(),
                new TableNamesFile(options.tableNames()));
        ReconcileLoop[] loopRef = new ReconcileLoop[1];
        ReconcileLoop loop = new ReconcileLoop(reconciler, config, options.safetyInterval(),
                Duration.ofSeconds(1), result -> status.record(loopRef[0].config(), result));
        loopRef[0] = loop;
        KernelEventFilter relevant = new KernelEventFilter(options.owner().protocol());
        NetlinkMonitor monitor = NetlinkMonitor.start(event -> {
            if (relevant.test(event)) {
                loop.trigger();
            }
        });
        loop.start();
        return new Service(startup, netlink, loop, monitor, status);
    }

    /** SIGHUP: re-reads startup.xml; an invalid file is logged and the running configuration kept. */
    void reload() {
        try {
            MultihomeConfig config = startup.load();
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
        loop.close();
        netlink.close();
        LOG.info("stopped; kernel state left in place");
    }
}
