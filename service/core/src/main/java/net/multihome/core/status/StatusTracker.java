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
import net.multihome.netlink.model.Link;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows reconcile passes and health rounds for the daemon's owner thread: notices each
 * provider's status change (one log line and one {@link ProviderStateChange} on the bus),
 * counts transitions, and publishes one immutable {@link StatusSnapshot} after each pass, each
 * health update and each read of the interfaces' counters. {@link #record}, {@link #refresh}
 * and {@link #linksRead} belong to the owner thread alone; {@link #snapshot}, {@link #counters},
 * {@link #lastPass} and {@link #lastPassAt} are volatile reads from any thread and never wait.
 */
public final class StatusTracker implements StatusSource {

    private static final Logger LOG = LoggerFactory.getLogger(StatusTracker.class);

    private final InstantSource clock;
    private final Instant started;
    private final ProviderEvents events;
    private final int ownerProtocol;
    /** Owner thread only. */
    private final Map<String, Transitions> transitions = new HashMap<>();
    /** Owner thread only. */
    private MultihomeConfig config = MultihomeConfig.empty();
    /** Owner thread only. */
    private long passes;
    /** Owner thread only: the interfaces with the freshest counters read so far. */
    private List<Link> links = List.of();
    private volatile PassResult last;
    private volatile Instant lastAt;
    private volatile ReconcileCounters counters = ReconcileCounters.NONE;
    private volatile StatusSnapshot snapshot;

    private record Transitions(OperStatus status, long count, Instant lastChange) {
    }

    public StatusTracker(InstantSource clock, OwnerTag owner, ProviderEvents events) {
        this.clock = clock;
        this.ownerProtocol = owner.protocol();
        this.started = clock.instant();
        this.events = events;
        this.snapshot = new StatusSnapshot(started, started, config, List.of(), List.of(), List.of(), 0,
                "no pass yet", List.of(), ownerProtocol);
    }

    /**
     * Records a pass made with {@code usedConfig}, publishes the new snapshot with the probe
     * statistics of {@code health}, then announces status changes (subscribers only queue).
     */
    public void record(MultihomeConfig usedConfig, PassResult result, ProbeStatsSource health) {
        List<ProviderStateChange> changes = new ArrayList<>();
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
        lastAt = now;
        counters = counters.plus(result.converged(), result.errors().size(), result.took());
        links = LinkCounters.advance(links, result.links());
        config = usedConfig;
        passes++;
        refresh(health);
        for (ProviderStateChange change : changes) {
            LOG.info("provider={} old={} new={} reason=\"{}\"", change.provider(), change.oldStatus().yangName(),
                    change.newStatus().yangName(), change.reason());
            events.publish(change);
        }
    }

    /**
     * Takes interfaces read outside a pass, so their counters follow the kernel between passes,
     * and publishes a snapshot with them and the probe statistics of {@code health}.
     */
    public void linksRead(List<Link> read, ProbeStatsSource health) {
        links = LinkCounters.advance(links, read);
        refresh(health);
    }

    /** Publishes a snapshot of the last pass with the probe statistics of {@code health}. */
    public void refresh(ProbeStatsSource health) {
        PassResult pass = last;
        if (pass == null) {
            return;
        }
        List<ProviderStatus> providers = new ArrayList<>();
        for (ProviderPlan plan : pass.desired().providers()) {
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
                    provider.tier(), plan.defaultRouteShare(), health.stats(plan.name()), t.count(), t.lastChange(),
                    health.targets(plan.name())));
        }
        snapshot = new StatusSnapshot(clock.instant(), started, config, providers, links, pass.routes(),
                passes, pass.summary(), pass.rules(), ownerProtocol);
    }

    @Override
    public StatusSnapshot snapshot() {
        return snapshot;
    }

    /** Passes so far; a volatile read from any thread. */
    public ReconcileCounters counters() {
        return counters;
    }

    /** The last pass, or null before the first. */
    public PassResult lastPass() {
        return last;
    }

    /** When the last pass was recorded, or null before the first. */
    public Instant lastPassAt() {
        return lastAt;
    }
}
