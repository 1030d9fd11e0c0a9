package net.multihome.core.pair;

import java.util.List;
import net.multihome.core.config.Redundancy;
import net.multihome.core.plan.OperStatus;
import net.multihome.core.status.ProviderStatus;

/** What the daemon writes into keepalived's track file. */
public final class TrackValue {

    private TrackValue() {
    }

    /**
     * 0 while some provider is up or degraded (or none is configured), else minus the pair's
     * all-providers-down weight: keepalived adds it to the priority, and -254 means fault.
     */
    public static int of(Redundancy pair, List<ProviderStatus> providers) {
        boolean anyUp = providers.stream()
                .anyMatch(p -> p.operStatus() == OperStatus.UP || p.operStatus() == OperStatus.DEGRADED);
        return anyUp || providers.isEmpty() ? 0 : -pair.allProvidersDownWeight();
    }
}
