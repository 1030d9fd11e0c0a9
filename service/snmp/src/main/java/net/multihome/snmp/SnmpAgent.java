package net.multihome.snmp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import net.multihome.core.config.Management;
import net.multihome.core.pair.VrrpSource;
import net.multihome.core.secret.SecretBox;
import net.multihome.core.status.ProviderEvents;
import net.multihome.core.status.StatusSource;

/**
 * The multihome SNMP agent: SNMPv2-MIB, IF-MIB and MULTIHOME-MIB read-only, v2c and v3, traps
 * and informs (provider and VRRP state changes). Build one with {@link #builder()}, {@link #start()} it, {@link #apply} new
 * settings while it runs, {@link #close()} it.
 */
public interface SnmpAgent extends AutoCloseable {

    /** Binds the configured UDP endpoints, sends coldStart, and starts answering. */
    void start() throws IOException;

    /**
     * Applies new settings without a restart: listen endpoints, communities, users,
     * notification targets, sysContact and sysLocation. {@code enabled} is the caller's to act
     * on (close the agent when it is false).
     */
    void apply(Management.Snmp settings) throws IOException;

    /** The UDP addresses bound now, with the real port when port 0 was configured. */
    List<InetSocketAddress> boundAddresses();

    /** Request PDUs received (every version, before access control) since the agent started. */
    long requests();

    /** snmpEngineID, as receivers of v3 traps need it; kept in the state directory. After {@link #start()}. */
    byte[] engineId();

    /** Stops answering and sending, and releases the sockets and threads. */
    @Override
    void close();

    static Builder builder() {
        return new Builder();
    }

    /** Collects what the agent needs; {@link #build()} checks that nothing is missing. */
    final class Builder {

        Path stateDirectory;
        SecretBox secrets;
        StatusSource statusSource;
        ProviderEvents events;
        VrrpSource vrrp = VrrpSource.none();
        Management.Snmp settings;
        DatagramChannel inheritedSocket;
        String version = defaultVersion();
        Duration cacheTtl = Duration.ofMillis(500);
        int maxRepetitions = 20;
        int maxInboundMessageSize = 8192;
        int workerThreads = 0;
        Clock clock = Clock.systemUTC();
        LongSupplier nanoTicker = System::nanoTime;

        private Builder() {
        }

        /** Where the engine ID, engine boots and provider indexes are kept. Required. */
        public Builder stateDirectory(Path stateDirectory) {
            this.stateDirectory = stateDirectory;
            return this;
        }

        /** Opens the sealed USM passphrases; default: the key in {@link #stateDirectory}. */
        public Builder secrets(SecretBox secrets) {
            this.secrets = secrets;
            return this;
        }

        /** Where the served values come from. Required. */
        public Builder statusSource(StatusSource statusSource) {
            this.statusSource = statusSource;
            return this;
        }

        /** Provider state changes to turn into notifications. Required. */
        public Builder events(ProviderEvents events) {
            this.events = events;
            return this;
        }

        /** The VRRP state to serve and notify changes of; unknown for ever by default. */
        public Builder vrrp(VrrpSource vrrp) {
            this.vrrp = vrrp;
            return this;
        }

        /** The initial settings. Required. */
        public Builder settings(Management.Snmp settings) {
            this.settings = settings;
            return this;
        }

        /**
         * A bound UDP socket to serve besides the configured addresses, kept while the agent
         * runs and closed with it; none by default.
         */
        public Builder inheritedSocket(DatagramChannel socket) {
            this.inheritedSocket = socket;
            return this;
        }

        /** The multihome version named in sysDescr; defaults to the jar's version. */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /** How long one status snapshot serves requests; 500 ms by default. */
        public Builder cacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
            return this;
        }

        /**
         * GETBULK max-repetitions cap; 20 by default. SNMP4J re-measures the whole response after
         * each repetition, so larger caps cost more per varbind and gain nothing measurable.
         */
        public Builder maxRepetitions(int maxRepetitions) {
            this.maxRepetitions = maxRepetitions;
            return this;
        }

        /** Largest inbound message accepted, in octets; 8192 by default. */
        public Builder maxInboundMessageSize(int maxInboundMessageSize) {
            this.maxInboundMessageSize = maxInboundMessageSize;
            return this;
        }

        /**
         * Threads that process requests; 0 (the default) processes each request on the socket's
         * receiving thread, which measured about 1.5x faster than a hand-off to a pool of 4.
         */
        public Builder workerThreads(int workerThreads) {
            this.workerThreads = workerThreads;
            return this;
        }

        /** Wall clock for sysUpTime-relative time stamps; the system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Monotonic nanosecond ticker for the snapshot cache; System::nanoTime by default. */
        public Builder nanoTicker(LongSupplier nanoTicker) {
            this.nanoTicker = nanoTicker;
            return this;
        }

        public SnmpAgent build() {
            Objects.requireNonNull(stateDirectory, "stateDirectory");
            Objects.requireNonNull(statusSource, "statusSource");
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(vrrp, "vrrp");
            Objects.requireNonNull(settings, "settings");
            if (maxRepetitions < 1 || maxInboundMessageSize < 484 || workerThreads < 0) {
                throw new IllegalArgumentException("maxRepetitions >= 1, maxInboundMessageSize >= 484 and"
                        + " workerThreads >= 0 required");
            }
            return new AgentRuntime(this);
        }

        private static String defaultVersion() {
            String version = SnmpAgent.class.getPackage().getImplementationVersion();
            return version == null ? "development" : version;
        }
    }
}
