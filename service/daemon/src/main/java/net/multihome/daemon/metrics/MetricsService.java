package net.multihome.daemon.metrics;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import net.multihome.core.config.Management;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics endpoint, started, moved or stopped as the configuration's management/metrics
 * section says. A failure to listen is logged and routing goes on without the endpoint.
 */
public final class MetricsService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsService.class);

    private final MetricsCollector collector;
    private Management.Metrics applied;
    private MetricsHttpServer server;

    public MetricsService(MetricSources sources) {
        this.collector = new MetricsCollector(sources);
    }

    /** Brings the endpoint in line with {@code settings}; unchanged settings leave it alone. */
    public synchronized void apply(Management.Metrics settings) {
        boolean unchanged = settings.equals(applied);
        // The newest instance kept even when equal, as SnmpService does: the configuration reader
        // hands it out again while the settings are unchanged, so the next check is by reference.
        applied = settings;
        if (unchanged) {
            return;
        }
        stop();
        if (!settings.enabled() || settings.listen().isEmpty()) {
            return;
        }
        List<InetSocketAddress> endpoints = settings.listen().stream()
                .map(e -> new InetSocketAddress(e.address() == null ? InetAddress.getLoopbackAddress() : e.address(),
                        e.port()))
                .toList();
        try {
            server = MetricsHttpServer.start(endpoints, collector);
            LOG.info("metrics endpoint listening on {}", server.boundAddresses());
        } catch (IOException e) {
            LOG.error("metrics endpoint not available: {}", e.getMessage());
        }
    }

    /** Where the endpoint listens now; empty when it does not. */
    public synchronized List<InetSocketAddress> boundAddresses() {
        return server == null ? List.of() : server.boundAddresses();
    }

    private void stop() {
        if (server != null) {
            server.close();
            server = null;
            LOG.info("metrics endpoint stopped");
        }
    }

    @Override
    public synchronized void close() {
        stop();
    }
}
