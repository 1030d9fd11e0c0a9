package net.multihome.daemon;

import java.util.List;
import net.multihome.core.health.HealthMonitor;
import net.multihome.core.status.ProbeStats;
import net.multihome.core.status.ProbeStatsSource;
import net.multihome.core.status.TargetStatus;

/** The health monitor's statistics as the status tracker reads them. */
record HealthStats(HealthMonitor monitor) implements ProbeStatsSource {

    @Override
    public ProbeStats stats(String provider) {
        return monitor.stats(provider).orElse(ProbeStats.NONE);
    }

    @Override
    public List<TargetStatus> targets(String provider) {
        return monitor.targets(provider).orElse(List.of());
    }
}
