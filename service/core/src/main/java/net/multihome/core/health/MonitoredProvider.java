package net.multihome.core.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import net.multihome.core.plan.Verdict;
import net.multihome.core.config.HealthCheck;
import net.multihome.core.config.Provider;
import net.multihome.core.plan.ProviderHealth;
import net.multihome.core.status.ProbeStats;
import net.multihome.core.status.TargetStatus;
import net.multihome.core.status.TargetStatus.TargetState;
import net.multihome.core.time.Scheduler;

/**
 * The runtime state of one configured provider: its decider, the statistics window of each
 * target, and the chain that feeds finished rounds in the order they started (rounds overlap
 * when the timeout is longer than the interval). Thread-safe through its monitor lock, which
 * guards field access only: nothing outside this class is called while it is held.
 */
final class MonitoredProvider {

    /** Replaced only by a record probed alike ({@link #probedAs}), so probes see either. */
    private volatile Provider provider;
    private final HealthDecider decider;
    private final Verdict fixed;
    private final Map<HealthCheck.Target, ProbeWindow> windows = new LinkedHashMap<>();
    private final Map<HealthCheck.Target, TargetState> states = new LinkedHashMap<>();
    private CompletableFuture<Void> fed = CompletableFuture.completedFuture(null);
    private int roundsInFlight;
    private Scheduler.Timer schedule;
    private volatile boolean stopped;

    private MonitoredProvider(Provider provider, HealthDecider decider, Verdict fixed) {
        this.provider = provider;
        this.decider = decider;
        this.fixed = fixed;
    }

    /**
     * State for {@code provider}; {@code previous} (the same name before a configuration change,
     * or null) hands over its verdict, link and damping state and the windows of unchanged targets.
     */
    static MonitoredProvider of(Provider provider, MonitoredProvider previous, Instant now) {
        if (previous == null) {
            return create(provider, null, now);
        }
        synchronized (previous) {
            return create(provider, previous, now);
        }
    }

    private static MonitoredProvider create(Provider provider, MonitoredProvider previous, Instant now) {
        String notProbed = notProbedReason(provider);
        if (notProbed != null) {
            return new MonitoredProvider(provider, null, new Verdict(ProviderHealth.UP, notProbed,
                    previous != null && previous.verdict().health() == ProviderHealth.UP ? previous.verdict().since()
                            : now));
        }
        HealthCheck check = provider.healthCheck();
        HealthDecider decider = previous != null && previous.decider != null ? previous.decider.reconfigured(check)
                : HealthDecider.startingUp(check, now);
        MonitoredProvider p = new MonitoredProvider(provider, decider, null);
        boolean sameWindow = previous != null && previous.decider != null
                && previous.provider.healthCheck().window() == check.window();
        for (HealthCheck.Target target : check.targets()) {
            ProbeWindow kept = sameWindow ? previous.windows.get(target) : null;
            p.windows.put(target, kept != null ? kept.copy() : new ProbeWindow(check.window()));
            p.states.put(target, kept != null ? previous.states.get(target) : TargetState.UNKNOWN);
        }
        return p;
    }

    private static String notProbedReason(Provider provider) {
        if (!provider.enabled()) {
            return "provider disabled";
        }
        HealthCheck check = provider.healthCheck();
        if (check == null || !check.enabled()) {
            return "health checks disabled; only the link state counts";
        }
        if (check.targets().isEmpty()) {
            return "no health-check targets; only the link state counts";
        }
        return null;
    }

    Provider provider() {
        return provider;
    }

    /**
     * Takes the configuration's newest record of this provider, one probed alike: the next
     * configuration then shares its parts (the health check read from the same node), and the
     * check that it is still probed alike compares them by reference.
     */
    void probedAs(Provider alike) {
        provider = alike;
    }

    String name() {
        return provider.name();
    }

    boolean probed() {
        return decider != null;
    }

    synchronized Verdict verdict() {
        return decider != null ? decider.verdict() : fixed;
    }

    synchronized ProbeStats stats() {
        return windows.isEmpty() ? ProbeStats.NONE : ProbeWindow.combine(windows.values());
    }

    synchronized List<TargetStatus> targets() {
        List<TargetStatus> out = new ArrayList<>(windows.size());
        windows.forEach((t, w) -> out.add(new TargetStatus(t.address(), t.method(), t.port(), states.get(t),
                w.stats())));
        return out;
    }

    /** Records a finished round; returns the new verdict. */
    synchronized Verdict record(List<ProbeResult> results, Instant at) {
        int answered = 0;
        for (ProbeResult r : results) {
            ProbeWindow w = windows.get(r.target());
            if (w == null) {
                continue;
            }
            w.add(r.answered(), r.rttMicros());
            states.put(r.target(), r.answered() ? TargetState.ANSWERING : TargetState.NOT_ANSWERING);
            if (r.answered()) {
                answered++;
            }
        }
        return decider.onRound(at, answered, results.size(), ProbeWindow.combine(windows.values()));
    }

    /** Takes a link event; returns the new verdict. */
    synchronized Verdict link(Instant at, boolean usable, String why) {
        return decider != null ? decider.onLink(at, usable, why) : fixed;
    }

    /**
     * Starts a round unless too many are still running (a prober that overruns its timeout),
     * and feeds its results after those of every earlier round. The probes start and the feed
     * runs outside this provider's lock: the feed publishes and calls out of the package.
     *
     * @return the fed round, or null when skipped
     */
    CompletableFuture<List<ProbeResult>> startRound(RoundStarter starter, int maxInFlight,
            Consumer<List<ProbeResult>> feed) {
        CompletableFuture<Void> previous;
        CompletableFuture<Void> thisFed = new CompletableFuture<>();
        synchronized (this) {
            if (roundsInFlight >= maxInFlight) {
                return null;
            }
            roundsInFlight++;
            previous = fed;
            fed = thisFed;
        }
        CompletableFuture<List<ProbeResult>> round;
        try {
            round = starter.start(provider);
        } catch (RuntimeException notStarted) {
            synchronized (this) {
                roundsInFlight--;
            }
            previous.whenComplete((ignored, t) -> thisFed.complete(null));
            throw notStarted;
        }
        CompletableFuture<List<ProbeResult>> done = previous.thenCompose(ignored -> round).whenComplete((r, t) -> {
            synchronized (this) {
                roundsInFlight--;
            }
        });
        done.thenAccept(feed).whenComplete((ignored, t) -> thisFed.complete(null));
        return done.thenCombine(thisFed, (results, ignored) -> results);
    }

    synchronized void schedule(Scheduler.Timer timer) {
        schedule = timer;
    }

    /** Stops the rounds; rounds still running are counted here but no longer announced. */
    synchronized void stop() {
        stopped = true;
        if (schedule != null) {
            schedule.cancel();
        }
    }

    boolean stopped() {
        return stopped;
    }

    /** Starts the probes of one round. */
    @FunctionalInterface
    interface RoundStarter {
        CompletableFuture<List<ProbeResult>> start(Provider provider);
    }
}
