package net.multihome.netconf.service;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import net.multihome.core.config.Management;
import net.multihome.netconf.datastore.DatastoreException;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * The NETCONF service of the daemon. Build with {@link #builder()}, then {@link #start()}:
 * <pre>{@code
 * Optional<ConfirmedCommit.RollbackPoint> unconfirmed = ConfirmedCommit.recover(stateDir, schema);
 * ContainerNode initial = unconfirmed.isPresent() ? unconfirmed.get().content() : startupContent;
 * // reconcile the kernel to ConfigReader.read(initial), then:
 * NetconfService netconf = NetconfService.builder()
 *         .schema(schema).stateDirectory(stateDir).startup(startupFile)
 *         .applier(next -> reconciler.apply(next)).status(tracker).events(providerEvents)
 *         .probes(provider -> healthMonitor.probeNow(provider)).settings(config.management().netconf())
 *         .initialRunning(initial)
 *         .build();
 * netconf.start();
 * }</pre>
 */
public interface NetconfService extends AutoCloseable {
    static NetconfServiceBuilder builder() {
        return new NetconfServiceBuilder();
    }

    /**
     * Rolls back a confirmed commit left pending by the last run (if the daemon did not call
     * {@code ConfirmedCommit.recover} itself), then listens, unless the settings disable the server.
     */
    void start() throws IOException;

    /**
     * Takes new settings: users take effect at once for new logins; a change of listen
     * endpoint, session limit, idle timeout or enabled restarts the listener, which ends every
     * session.
     */
    void apply(Management.Netconf settings) throws IOException;

    /**
     * Replaces running (and the candidate) on the daemon's behalf, whatever the locks, as a
     * reload of startup does: validated, applied to the kernel through the applier, announced
     * as a netconf-config-change.
     *
     * @throws DatastoreException with the validation or kernel errors; running stays as it was
     */
    void replaceRunning(ContainerNode content) throws DatastoreException;

    /** Where the server listens, one address per listen endpoint; empty when disabled or not started. */
    List<InetSocketAddress> boundAddresses();

    /** The first listen address, if the server listens. */
    default Optional<InetSocketAddress> boundAddress() {
        return boundAddresses().stream().findFirst();
    }

    /** The capability URIs of the server hello. */
    List<String> capabilities();

    /** The running datastore's content; null when empty. */
    ContainerNode running();

    @Override
    void close() throws IOException;
}
