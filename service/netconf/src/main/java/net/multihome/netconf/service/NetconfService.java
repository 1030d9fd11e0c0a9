package net.multihome.netconf.service;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import net.multihome.core.config.Management;
import net.multihome.netconf.ssh.NetconfServer;

/**
 * The NETCONF service of the daemon, a client of the configuration store. Build with
 * {@link #builder()}, then {@link #start()}:
 * <pre>{@code
 * ConfigStore store = new ConfigStore(schema, stateDir, startupFile, kernelApplier, scheduler, initial);
 * store.resume();
 * NetconfService netconf = NetconfService.builder()
 *         .schema(schema).stateDirectory(stateDir).store(store).status(tracker).events(providerEvents)
 *         .probes(provider -> healthMonitor.probeNow(provider)).settings(config.management().netconf())
 *         .build();
 * netconf.start();
 * }</pre>
 */
public interface NetconfService extends AutoCloseable {
    /**
     * Sets up, on the calling thread, what a start would otherwise set up first and what takes
     * longest: the SSH server's cryptography, a second or more of CPU on a small machine. The
     * daemon calls it on a second thread while the first parses its configuration.
     */
    static void preload() {
        NetconfServer.preload();
    }

    static NetconfServiceBuilder builder() {
        return new NetconfServiceBuilder();
    }

    /** Listens, unless the settings disable the server. */
    void start() throws IOException;

    /**
     * Takes new settings: users take effect at once for new logins; a change of listen
     * endpoint, session limit, idle timeout or enabled restarts the listener, which ends every
     * session.
     */
    void apply(Management.Netconf settings) throws IOException;

    /** Where the server listens, one address per listen endpoint; empty when disabled or not started. */
    List<InetSocketAddress> boundAddresses();

    /** The first listen address, if the server listens. */
    default Optional<InetSocketAddress> boundAddress() {
        return boundAddresses().stream().findFirst();
    }

    /** Sessions and rpc counters of the running server; never waits. */
    NetconfCounters counters();

    /** The capability URIs of the server hello. */
    List<String> capabilities();

    @Override
    void close() throws IOException;
}
