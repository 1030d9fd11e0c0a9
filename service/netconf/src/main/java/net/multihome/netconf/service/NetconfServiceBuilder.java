package net.multihome.netconf.service;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import net.multihome.core.config.Management;
import net.multihome.core.status.ProviderEvents;
import net.multihome.core.status.StatusSource;
import net.multihome.core.store.StartupFile;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.port.ProbeRunner;
import net.multihome.netconf.port.RunningConfigApplier;
import net.multihome.netconf.time.TimeSource;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * Configures a {@link NetconfService}.
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>Setting</th><th>Default</th></tr>
 *   <tr><td>schema, stateDirectory, startup, applier, status, settings</td><td>required</td></tr>
 *   <tr><td>events (provider-state-change source)</td><td>none</td></tr>
 *   <tr><td>probes</td><td>{@link ProbeRunner#NONE}: every provider is unknown</td></tr>
 *   <tr><td>initialRunning</td><td>the startup file's content (empty without a file)</td></tr>
 *   <tr><td>hostKeyFile</td><td>{@code stateDirectory/netconf-host-key}</td></tr>
 *   <tr><td>time: clock and scheduler of confirmed-commit timeouts</td>
 *       <td>{@link Clock#systemUTC()} with a scheduler thread</td></tr>
 * </table>
 */
public final class NetconfServiceBuilder {
    YangSchema schema;
    Path stateDirectory;
    StartupFile startup;
    RunningConfigApplier applier;
    StatusSource status;
    ProviderEvents events;
    ProbeRunner probes = ProbeRunner.NONE;
    Management.Netconf settings;
    Clock clock = Clock.systemUTC();
    TimeSource time;
    ContainerNode initialRunning;
    boolean initialRunningSet;
    Path hostKeyFile;

    NetconfServiceBuilder() {
    }

    public NetconfServiceBuilder schema(YangSchema value) {
        this.schema = Objects.requireNonNull(value, "schema");
        return this;
    }

    /** Where the rollback point of a confirmed commit (and by default the host key) is kept. */
    public NetconfServiceBuilder stateDirectory(Path value) {
        this.stateDirectory = Objects.requireNonNull(value, "stateDirectory");
        return this;
    }

    public NetconfServiceBuilder startup(StartupFile value) {
        this.startup = Objects.requireNonNull(value, "startup");
        return this;
    }

    public NetconfServiceBuilder applier(RunningConfigApplier value) {
        this.applier = Objects.requireNonNull(value, "applier");
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

    /** The clock of login times and event times; confirmed-commit timeouts use a scheduler on it. */
    public NetconfServiceBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /** Replaces the clock and scheduler together, so tests can drive timeouts. */
    public NetconfServiceBuilder time(TimeSource value) {
        this.time = Objects.requireNonNull(value, "time");
        return this;
    }

    /** The configuration the daemon runs with now; null for the empty one. */
    public NetconfServiceBuilder initialRunning(ContainerNode value) {
        this.initialRunning = value;
        this.initialRunningSet = true;
        return this;
    }

    public NetconfServiceBuilder hostKeyFile(Path value) {
        this.hostKeyFile = Objects.requireNonNull(value, "hostKeyFile");
        return this;
    }

    /** @throws IllegalStateException when a required setting is missing or startup cannot be read */
    public NetconfService build() {
        if (schema == null || stateDirectory == null || startup == null || applier == null || status == null
                || settings == null) {
            throw new IllegalStateException(
                    "schema, stateDirectory, startup, applier, status and settings are required");
        }
        return new DefaultNetconfService(this);
    }
}
