package net.multihome.core.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.multihome.core.plan.Verdict;
import net.multihome.core.status.ProbeStats;
import net.multihome.core.status.ProbeStatsSource;
import net.multihome.core.status.TargetStatus;

/**
 * Every configured provider's verdict and probe statistics at one moment, immutable. The
 * monitor publishes a new one after each round, link event and configuration change; readers
 * take it without locks.
 *
 * @param verdicts by provider, in configuration order
 * @param stats by provider, over all its targets ({@link ProbeStats#NONE} when not probed)
 * @param targets by provider, each target's last state and statistics in configuration order
 */
public record HealthSnapshot(Map<String, Verdict> verdicts, Map<String, ProbeStats> stats,
        Map<String, List<TargetStatus>> targets) implements ProbeStatsSource {

    public static final HealthSnapshot EMPTY = new HealthSnapshot(Map.of(), Map.of(), Map.of());

    public HealthSnapshot {
        verdicts = Collections.unmodifiableMap(new LinkedHashMap<>(verdicts));
        stats = Map.copyOf(stats);
        targets = Map.copyOf(targets);
    }

    @Override
    public ProbeStats stats(String provider) {
        return stats.getOrDefault(provider, ProbeStats.NONE);
    }

    @Override
    public List<TargetStatus> targets(String provider) {
        return targets.getOrDefault(provider, List.of());
    }
}
