package net.multihome.daemon;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import net.multihome.core.health.HealthMonitor;
import net.multihome.core.health.ProbeReport;
import net.multihome.core.plan.OperStatus;
import net.multihome.core.status.ProviderStatus;
import net.multihome.core.status.StatusSource;
import net.multihome.netconf.port.ProbeRound;
import net.multihome.netconf.port.ProbeRunner;
import net.multihome.netconf.port.TargetProbe;

/** The NETCONF {@code probe} RPC: one round of the health monitor, now. */
record HealthProbes(HealthMonitor health, StatusSource status) implements ProbeRunner {

    @Override
    public Optional<ProbeRound> probe(String provider) {
        Optional<ProviderStatus> current = status.snapshot().provider(provider);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        ProbeReport report;
        try {
            report = health.probeNow(provider);
        } catch (IllegalStateException | NoSuchElementException notProbed) {
            // Disabled, health checks off, or no targets: nothing to probe, the status stands.
            return Optional.of(new ProbeRound(current.get().operStatus(), List.of()));
        }
        List<TargetProbe> targets = report.results().stream()
                .map(r -> new TargetProbe(r.target().address(), r.answered(),
                        r.answered() ? OptionalLong.of(r.rttMicros()) : OptionalLong.empty(),
                        Optional.ofNullable(r.error())))
                .toList();
        OperStatus status = switch (report.verdict().health()) {
            case UP -> current.get().operStatus();
            case DEGRADED -> OperStatus.DEGRADED;
            case DOWN -> OperStatus.DOWN;
        };
        return Optional.of(new ProbeRound(status, targets));
    }
}
