package net.multihome.netconf.service;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import net.multihome.core.config.Management;
import net.multihome.core.pair.VrrpState;
import net.multihome.netconf.sync.ConfigSyncService;
import net.multihome.core.status.ProviderEvents;
import net.multihome.core.status.StatusSource;
import net.multihome.core.store.ConfigStore;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.port.ProbeRunner;

/**
 * Configures a {@link NetconfService}.
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>Setting</th><th>Default</th></tr>
 *   <tr><td>schema, stateDirectory, store, status, settings</td><td>required</td></tr>
 *   <tr><td>events (provider-state-change source)</td><td>none</td></tr>
 *   <tr><td>probes</td><td>{@link ProbeRunner#NONE}: every provider is unknown</td></tr>
 *   <tr><td>vrrp (a redundant pair's state)</td><td>unknown</td></tr>
 *   <tr><td>hostKeyFile</td><td>{@code stateDirectory/netconf-host-key-ed25519}</td></tr>
 *   <tr><td>clock of login and event times</td><td>{@link Clock#systemUTC()}</td></tr>
 * </table>
 */
public final class NetconfServiceBuilder {
    YangSchema schema;
    Path stateDirectory;
    ConfigStore store;
    StatusSource status;
    ProviderEvents events;
    ProbeRunner probes = ProbeRunner.NONE;
    Management.Netconf settings;
    Clock clock = Clock.systemUTC();
    Path hostKeyFile;
    Supplier<VrrpState> vrrp = () -> VrrpState.UNKNOWN;
    ConfigSyncService configSync;

    NetconfServiceBuilder() {
    }

    public NetconfServiceBuilder schema(YangSchema value) {
        this.schema = Objects.requireNonNull(value, "schema");
        return this;
    }

    /** Where the host key is kept by default. */
    public NetconfServiceBuilder stateDirectory(Path value) {
        this.stateDirectory = Objects.requireNonNull(value, "stateDirectory");
        return this;
    }

    /** The configuration store whose datastores the server serves; its owner closes it. */
    public NetconfServiceBuilder store(ConfigStore value) {
        this.store = Objects.requireNonNull(value, "store");
        return this;
    }

    /** keepalived's state of the pair's instance, reported while the configuration has a redundancy section. */
    /** A redundant pair's configuration sync: its state data and the sync-to-peer RPC. */
    public NetconfServiceBuilder configSync(ConfigSyncService value) {
        this.configSync = Objects.requireNonNull(value, "configSync");
        return this;
    }

    public NetconfServiceBuilder vrrp(Supplier<VrrpState> value) {
        this.vrrp = Objects.requireNonNull(value, "vrrp");
        return this;
    }

    public NetconfServiceBuilder status(StatusSource value) {
        this.status = Objects.requireNonNull(value, "status");
        return this;
    }

    public NetconfServiceBuilder events(ProviderEvents value) {
        this.events = Objects.requireNonNull(value, "events");
        return this;
    }

    public NetconfServiceBuilder probes(ProbeRunner value) {
        this.probes = Objects.requireNonNull(value, "probes");
        return this;
    }

    public NetconfServiceBuilder settings(Management.Netconf value) {
        this.settings = Objects.requireNonNull(value, "settings");
        return this;
    }

    /** The clock of login times and event times. */
    public NetconfServiceBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    public NetconfServiceBuilder hostKeyFile(Path value) {
        this.hostKeyFile = Objects.requireNonNull(value, "hostKeyFile");
        return this;
    }

    /** @throws IllegalStateException when a required setting is missing */
    public NetconfService build() {
        if (schema == null || stateDirectory == null || store == null || status == null || settings == null) {
            throw new IllegalStateException("schema, stateDirectory, store, status and settings are required");
        }
        return new DefaultNetconfService(this);
    }
}
