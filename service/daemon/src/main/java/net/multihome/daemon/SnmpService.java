package net.multihome.daemon;

import java.io.IOException;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.util.Optional;
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
    /** Served by the first agent and closed with it: the passed socket cannot be had again. */
    private Optional<DatagramChannel> passedSocket;
    private final boolean socketPassed;

    SnmpService(Path stateDirectory, StatusSource status, ProviderEvents events, VrrpSource vrrp,
            Optional<DatagramChannel> passedSocket) {
        this.stateDirectory = stateDirectory;
        this.status = status;
        this.events = events;
        this.vrrp = vrrp;
        this.passedSocket = passedSocket;
        this.socketPassed = passedSocket.isPresent();
    }

    /** Brings the agent in line with the settings; a failure is logged and the service goes on without it. */
    synchronized void apply(Management.Snmp settings) {
        boolean unchanged = settings.equals(applied);
        // The newest instance kept even when equal: while the settings stay the same, the
        // configuration reader hands out that instance again, so the next commit's check is a
        // reference comparison rather than a walk of every field (12 % of a commit's store work).
        applied = settings;
        if (unchanged) {
            return;
        }
        try {
            if (!settings.enabled() || settings.listen().isEmpty()) {
                if (snmp != null) {
                    retiredRequests += snmp.requests();
                    snmp.close();
                    snmp = null;
                    LOG.info("SNMP agent stopped{}", socketPassed ? "; the socket passed on standard input"
                            + " is closed with it until the daemon restarts" : "");
                }
                return;
            }
            if (snmp == null) {
                SnmpAgent agent = SnmpAgent.builder().stateDirectory(stateDirectory.resolve("snmp"))
                        .secrets(new SecretBox(stateDirectory))
                        .statusSource(status).events(events).vrrp(vrrp).settings(settings)
                        .inheritedSocket(passedSocket.orElse(null)).build();
                passedSocket = Optional.empty();
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
