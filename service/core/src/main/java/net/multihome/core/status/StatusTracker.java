package net.multihome.core.status;

import java.net.InetAddress;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.config.Provider;
import net.multihome.core.plan.OperStatus;
import net.multihome.core.plan.OwnerTag;
import net.multihome.core.plan.ProviderPlan;
import net.multihome.core.plan.ResolvedFamily;
import net.multihome.core.reconcile.PassResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows reconcile passes: notices each provider's status change (one log line and one
 * {@link ProviderStateChange} on the bus), counts transitions, and serves immutable
 * snapshots to the adapters.
 */
public final class StatusTracker implements StatusSource {

    private static final Logger LOG = LoggerFactory.getLogger(StatusTracker.class);

    private final InstantSource clock;
    private final Instant started;
    private final ProviderEvents events;
    private final ProbeStatsSource probes;
    private final int ownerProtocol;
    private final Map<String, Transitions> transitions = new HashMap<>();
    private PassResult last;
    private MultihomeConfig config = MultihomeConfig.empty();
    private long passes;

    private record Transitions(OperStatus status, long count, Instant lastChange) {
    }

    public StatusTracker(InstantSource clock, OwnerTag owner, ProviderEvents events, ProbeStatsSource probes) {
        this.clock = clock;
        this.ownerProtocol = owner.protocol();
        this.started = clock.instant();
        this.events = events;
        this.probes = probes;
    }

    /** Records a pass made with {@code usedConfig}; publishes status changes. */
    public void record(MultihomeConfig usedConfig, PassResult result) {
        List<ProviderStateChange> changes = new ArrayList<>();
        synchronized (this) {
            Instant now = clock.instant();
            for (ProviderPlan plan : result.desired().providers()) {
                Transitions before = transitions.get(plan.name());
                if (before == null) {
                    // First sight (start, or a new provider): a status, not a change.
                    transitions.put(plan.name(), new Transitions(plan.status(), 0, now));
                } else if (before.status() != plan.status()) {
                    transitions.put(plan.name(), new Transitions(plan.status(), before.count() + 1, now));
                    changes.add(new ProviderStateChange(plan.name(), before.status(), plan.status(), plan.reason(), now));
                }
            }
            transitions.keySet().retainAll(result.desired().providers().stream().map(ProviderPlan::name).toList());
            last = result;
            config = usedConfig;
            passes++;
        }
        for (ProviderStateChange change : changes) {
            LOG.info("provider={} old={} new={} reason=\"{}\"", change.provider(), change.oldStatus().yangName(),
                    change.newStatus().yangName(), change.reason());
            events.publish(change);
        }
    }

    @Override
    public synchronized StatusSnapshot snapshot() {
        if (last == null) {
            return new StatusSnapshot(clock.instant(), started, config, List.of(), List.of(), List.of(), 0,
                    "no pass yet", List.of(), ownerProtocol);
        }
        List<ProviderStatus> providers = new ArrayList<>();
        for (ProviderPlan plan : last.desired().providers()) {
            Provider provider = config.provider(plan.name()).orElse(null);
            if (provider == null) {
                continue;
            }
            ResolvedFamily family = plan.families().isEmpty() ? null : plan.families().getFirst();
            InetAddress address = family == null ? null : family.address();
            InetAddress gateway = family == null ? null : family.gateway();
            Transitions t = transitions.getOrDefault(plan.name(), new Transitions(plan.status(), 0, started));
            providers.add(new ProviderStatus(plan.name(), provider.interfaceName(), plan.ifindex(), address, gateway,
                    provider.table(), provider.enabled(), plan.status(), plan.reason(), provider.weight(),
                    provider.tier(), plan.defaultRouteShare(), probes.stats(plan.name()), t.count(), t.lastChange(),
                    probes.targets(plan.name())));
        }
        return new StatusSnapshot(clock.instant(), started, config, providers, last.links(), last.routes(), passes,
                last.summary(), last.rules(), ownerProtocol);
    }

    /** The last pass, or null before the first. */
    public synchronized PassResult lastPass() {
        return last;
    }
}
