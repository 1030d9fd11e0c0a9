package net.multihome.daemon;

import java.io.IOException;
import java.nio.file.Path;
import net.multihome.core.config.Management;
import net.multihome.core.pair.VrrpSource;
import net.multihome.core.secret.SecretBox;
import net.multihome.core.status.ProviderEvents;
import net.multihome.core.status.StatusSource;
import net.multihome.snmp.SnmpAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SNMP agent, started, reconfigured or stopped as the configuration's management/snmp section says. */
final class SnmpService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SnmpService.class);

    private final Path stateDirectory;
    private final StatusSource status;
    private final ProviderEvents events;
    private final VrrpSource vrrp;
    /** Volatile: the metrics read its request count without this service's lock. */
    private volatile SnmpAgent snmp;
    /** Requests answered by agents stopped since start. */
    private volatile long retiredRequests;
    private Management.Snmp applied;

    SnmpService(Path stateDirectory, StatusSource status, ProviderEvents events, VrrpSource vrrp) {
        this.stateDirectory = stateDirectory;
        this.status = status;
        this.events = events;
        this.vrrp = vrrp;
    }

    /** Brings the agent in line with the settings; a failure is logged and the service goes on without it. */
    synchronized void apply(Management.Snmp settings) {
        if (settings.equals(applied)) {
            return;
        }
        applied = settings;
        try {
            if (!settings.enabled() || settings.listen().isEmpty()) {
                if (snmp != null) {
                    retiredRequests += snmp.requests();
                    snmp.close();
                    snmp = null;
                    LOG.info("SNMP agent stopped");
                }
                return;
            }
            if (snmp == null) {
                SnmpAgent agent = SnmpAgent.builder().stateDirectory(stateDirectory.resolve("snmp"))
                        .secrets(new SecretBox(stateDirectory))
                        .statusSource(status).events(events).vrrp(vrrp).settings(settings).build();
                agent.start();
                snmp = agent;
                LOG.info("SNMP agent listening on {}", agent.boundAddresses());
            } else {
                snmp.apply(settings);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("SNMP agent not available: {}", e.toString(), e);
        }
    }

    /** SNMP request PDUs received since the daemon started; never waits. */
    long requests() {
        SnmpAgent agent = snmp;
        return retiredRequests + (agent == null ? 0 : agent.requests());
    }

    @Override
    public synchronized void close() {
        if (snmp != null) {
            snmp.close();
            snmp = null;
        }
    }
}
