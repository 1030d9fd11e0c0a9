package net.multihome.core.health;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import net.multihome.core.plan.Verdict;
import net.multihome.core.config.HealthCheck;
import net.multihome.core.config.Provider;
import net.multihome.core.plan.ProviderHealth;
import net.multihome.core.status.ProbeStats;
import net.multihome.core.status.TargetStatus;
import net.multihome.core.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes every provider's targets in rounds and keeps a health verdict per provider.
 *
 * <p>Each provider gets a round every {@code interval}; a round probes all targets in parallel,
 * each probe waiting up to {@code timeout}, so rounds overlap when the timeout is longer than
 * the interval (the YANG defaults: 200 ms and 200 ms); results are still counted in the order
 * rounds started. Verdict changes go to the log as one line each and to the listener, in the
 * order they happened, on one event thread that holds no lock.
 *
 * <p>Readers never wait: after every round, link event and configuration change the monitor
 * publishes an immutable {@link HealthSnapshot} through one atomic reference and then runs the
 * {@linkplain Builder#updates updates} callback, holding no lock, so the daemon's owner can look
 * again. A provider starts UP, see {@link HealthDecider}.
 *
 * <p>Threads: the scheduler's, which only starts rounds, platform threads for the probes, which
 * block in native {@code poll()} (that would pin a virtual thread's carrier), and the event
 * thread. Locks (this monitor's for the provider map, each provider's for its own fields)
 * guard field access only; no call leaves the health package while one is held. Probe sockets
 * live in the network namespace of the probe threads, which is the daemon's unless
 * {@link Builder#probeThreads} says otherwise.
 */
public final class HealthMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);
    /** Time a probe may overrun its own timeout before its round stops waiting for it. */
    private static final Duration GRACE = Duration.ofSeconds(1);

    private final Consumer<VerdictChange> listener;
    private final Runnable updates;
    private final Prober prober;
    private final Scheduler scheduler;
    private final boolean ownScheduler;
    private final Function<Provider, ProbeBinding> bindings;
    private final ExecutorService probes;
    private final ExecutorService events;
    /** Replaced whole under this monitor's lock; read without it. */
    private volatile Map<String, MonitoredProvider> providers = Map.of();
    private final AtomicReference<HealthSnapshot> snapshot = new AtomicReference<>(HealthSnapshot.EMPTY);
    /** Serialises building and setting the snapshot, so a newer state is never overwritten by an older one. */
    private final Object publishing = new Object();
    /** Changes recorded but not yet in a published snapshot; the listener hears of them once they are. */
    private final ConcurrentLinkedQueue<VerdictChange> unpublished = new ConcurrentLinkedQueue<>();
    private final AtomicLong roundsCounted = new AtomicLong();
    private volatile boolean closed;

    private HealthMonitor(Builder b) {
        listener = b.listener;
        updates = b.updates;
        prober = b.prober;
        ownScheduler = b.scheduler == null;
        scheduler = ownScheduler ? Scheduler.system("health-scheduler") : b.scheduler;
        bindings = b.bindings;
        probes = Executors.newCachedThreadPool(b.probeThreads);
        events = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("health-events").daemon().factory());
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Takes a new configuration: starts probing new providers, stops removed ones, and restarts
     * changed ones keeping their verdict and damping state. Unchanged providers, and those changed
     * only where probing does not look ({@link #probedAlike}), keep running.
     * The snapshot holds exactly the configured providers when this returns.
     */
    public void apply(List<Provider> configured) {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("health monitor is closed");
            }
            Map<String, MonitoredProvider> current = new LinkedHashMap<>(providers);
            Map<String, MonitoredProvider> next = new LinkedHashMap<>();
            for (Provider p : configured) {
                MonitoredProvider previous = current.remove(p.name());
                if (previous != null && probedAlike(previous.provider(), p)) {
                    previous.probedAs(p);
                    next.put(p.name(), previous);
                    continue;
                }
                if (previous != null) {
                    previous.stop();
                }
                MonitoredProvider created = MonitoredProvider.of(p, previous, scheduler.now());
                next.put(p.name(), created);
                if (previous != null) {
                    publish(created, previous.verdict(), created.verdict());
                }
                if (created.probed()) {
                    created.schedule(scheduler.every(Duration.ZERO, p.healthCheck().interval(), () -> tick(created)));
                }
            }
            current.values().forEach(MonitoredProvider::stop);
            providers = Collections.unmodifiableMap(next);
        }
        refresh();
    }

    /**
     * Takes a link event from netlink: an interface without carrier or administratively down
     * takes its providers DOWN at once; after it comes back they need {@code up-count} good rounds.
     *
     * @param why the link's state in words, e.g. "interface eth1 has no carrier"
     */
    public void linkChanged(String interfaceName, boolean usable, String why) {
        boolean changed = false;
        for (MonitoredProvider p : providers.values()) {
            if (p.provider().interfaceName().equals(interfaceName)) {
                synchronized (p) {
                    Verdict before = p.verdict();
                    Verdict after = p.link(scheduler.now(), usable, why);
                    publish(p, before, after);
                    changed |= !after.equals(before);
                }
            }
        }
        // Every pass repeats every link's state; only a verdict that moved is news.
        if (changed) {
            refresh();
        }
    }

    /**
     * Runs one round on {@code provider} now, counts it like a scheduled one, and returns its
     * results (for the NETCONF {@code probe} RPC). Blocks up to the provider's timeout.
     *
     * @throws NoSuchElementException for a provider not configured
     * @throws IllegalStateException when the provider is not probed (disabled) or too many rounds run
     */
    public ProbeReport probeNow(String provider) {
        MonitoredProvider p = providers.get(provider);
        if (p == null) {
            throw new NoSuchElementException("no provider named " + provider);
        }
        if (!p.probed()) {
            throw new IllegalStateException("provider " + provider + " is not probed: " + p.verdict().reason());
        }
        CompletableFuture<List<ProbeResult>> round = startRound(p);
        if (round == null) {
            throw new IllegalStateException("provider " + provider + " has too many probe rounds running");
        }
        try {
            List<ProbeResult> results = round.join();
            return new ProbeReport(provider, p.verdict(), results);
        } catch (CompletionException e) {
            throw new IllegalStateException("probe round of " + provider + " failed", e.getCause());
        }
    }

    /** The latest published state of every configured provider; never waits. */
    public HealthSnapshot snapshot() {
        return snapshot.get();
    }

    /** The verdict of every configured provider, in configuration order. */
    public Map<String, Verdict> verdicts() {
        return snapshot().verdicts();
    }

    /** The health of every configured provider. */
    public Map<String, ProviderHealth> health() {
        Map<String, ProviderHealth> out = new LinkedHashMap<>();
        verdicts().forEach((name, verdict) -> out.put(name, verdict.health()));
        return out;
    }

    public Optional<Verdict> verdict(String provider) {
        return Optional.ofNullable(verdicts().get(provider));
    }

    /** Statistics over all targets of the provider ({@link ProbeStats#NONE} when not probed). */
    public Optional<ProbeStats> stats(String provider) {
        return verdicts().containsKey(provider) ? Optional.of(snapshot().stats(provider)) : Optional.empty();
    }

    /** Each target of the provider with its last state and statistics, in configuration order. */
    public Optional<List<TargetStatus>> targets(String provider) {
        return verdicts().containsKey(provider) ? Optional.of(snapshot().targets(provider)) : Optional.empty();
    }

    /** Rounds counted since start, scheduled or on request; the self-check watches it move. */
    public long roundsCounted() {
        return roundsCounted.get();
    }

    /** Whether any provider is probed, i.e. whether rounds are expected to be counted. */
    public boolean probing() {
        return providers.values().stream().anyMatch(MonitoredProvider::probed);
    }

    /** Stops all rounds; returns once running probes ended (at most the longest timeout plus a second). */
    @Override
    public void close() {
        Duration longest;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            providers.values().forEach(MonitoredProvider::stop);
            longest = providers.values().stream().filter(MonitoredProvider::probed)
                    .map(p -> p.provider().healthCheck().timeout()).max(Duration::compareTo).orElse(Duration.ZERO);
        }
        if (ownScheduler) {
            scheduler.close();
        }
        probes.shutdown();
        try {
            if (!probes.awaitTermination(longest.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("health probes still running after close");
                probes.shutdownNow();
            }
        } catch (InterruptedException e) {
            probes.shutdownNow();
            Thread.currentThread().interrupt();
        }
        events.shutdownNow();
    }

    private void tick(MonitoredProvider p) {
        try {
            if (startRound(p) == null) {
                LOG.warn("provider={} skipped a probe round: earlier rounds still running", p.name());
            }
        } catch (RejectedExecutionException closing) {
            LOG.debug("provider={} round not started: monitor closing", p.name());
        } catch (RuntimeException e) {
            LOG.error("provider={} probe round failed to start", p.name(), e);
        }
    }

    private CompletableFuture<List<ProbeResult>> startRound(MonitoredProvider p) {
        HealthCheck check = p.provider().healthCheck();
        int maxInFlight = (int) (check.timeout().plus(GRACE).toNanos() / check.interval().toNanos()) + 2;
        // Asked before taking the provider's lock: the bindings read the daemon's last pass.
        ProbeBinding binding = bindings.apply(p.provider());
        return p.startRound(provider -> probeAll(provider, binding), maxInFlight, results -> {
            try {
                synchronized (p) {
                    Verdict before = p.verdict();
                    publish(p, before, p.record(results, scheduler.now()));
                }
                roundsCounted.incrementAndGet();
                if (!p.stopped()) {
                    refresh();
                }
            } catch (RuntimeException e) {
                LOG.error("provider={} probe round could not be counted", p.name(), e);
            }
        });
    }

    private CompletableFuture<List<ProbeResult>> probeAll(Provider provider, ProbeBinding binding) {
        HealthCheck check = provider.healthCheck();
        List<CompletableFuture<ProbeResult>> futures = new ArrayList<>();
        for (HealthCheck.Target target : check.targets()) {
            futures.add(CompletableFuture.supplyAsync(() -> prober.probe(target, binding, check.timeout()), probes)
                    .completeOnTimeout(ProbeResult.failed(target, "probe did not return in time"),
                            check.timeout().plus(GRACE).toMillis(), TimeUnit.MILLISECONDS)
                    .exceptionally(t -> ProbeResult.failed(target, "probe failed: " + t)));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> futures.stream().map(CompletableFuture::join).toList());
    }

    /** Builds and sets a new snapshot from the providers' current state, then tells the owner. */
    private void refresh() {
        synchronized (publishing) {
            // Taken before the snapshot is built, which then holds each of these changes or newer.
            List<VerdictChange> published = new ArrayList<>();
            for (VerdictChange c = unpublished.poll(); c != null; c = unpublished.poll()) {
                published.add(c);
            }
            Map<String, Verdict> verdicts = new LinkedHashMap<>();
            Map<String, ProbeStats> stats = new HashMap<>();
            Map<String, List<TargetStatus>> targets = new HashMap<>();
            for (MonitoredProvider p : providers.values()) {
                synchronized (p) {
                    verdicts.put(p.name(), p.verdict());
                    stats.put(p.name(), p.stats());
                    targets.put(p.name(), p.targets());
                }
            }
            snapshot.set(new HealthSnapshot(verdicts, stats, targets));
            published.forEach(this::queueDelivery);
        }
        try {
            updates.run();
        } catch (RuntimeException e) {
            LOG.warn("health update callback failed", e);
        }
    }

    /**
     * Logs a change and holds it for the next {@link #refresh}, so the listener never hears of a
     * verdict the snapshot does not show yet; callers hold {@code p}'s lock so its changes stay in order.
     */
    private void publish(MonitoredProvider p, Verdict before, Verdict after) {
        if (before.health() == after.health() || closed || p.stopped()) {
            return;
        }
        LOG.info("provider health changed: provider={} from={} to={} reason=\"{}\"", p.name(), before.health(),
                after.health(), after.reason());
        VerdictChange change = new VerdictChange(p.name(), before.health(), after.health(), after.reason(),
                after.since());
        unpublished.add(change);
    }

    private void queueDelivery(VerdictChange change) {
        try {
            events.execute(() -> deliver(change));
        } catch (RejectedExecutionException closing) {
            LOG.debug("provider={} health change not delivered: monitor closing", change.provider());
        }
    }

    private void deliver(VerdictChange change) {
        try {
            listener.accept(change);
        } catch (RuntimeException e) {
            LOG.warn("provider={} health listener failed", change.provider(), e);
        }
    }

    /**
     * Whether the two are probed alike. Probing reads neither the weight, the tier nor the
     * description, so a change of those (a weight commit) leaves the provider's rounds, windows
     * and verdict running instead of starting a round at once; the record kept differs only there,
     * and nothing here reads those fields.
     */
    static boolean probedAlike(Provider running, Provider next) {
        // The configuration keeps a provider that did not change as the same object.
        return running == next || running.equals(new Provider(next.name(), next.enabled(), running.description(),
                next.interfaceName(), next.ipv4(), next.ipv6(), next.table(), next.tableName(), running.weight(),
                running.tier(), next.healthCheck(), next.nat()));
    }

    /** Binds probes to the provider's interface and configured addresses. */
    static ProbeBinding configuredBinding(Provider p) {
        return new ProbeBinding(p.interfaceName(),
                p.ipv4() != null && p.ipv4().address() instanceof Inet4Address a ? a : null,
                p.ipv6() != null && p.ipv6().address() instanceof Inet6Address a ? a : null);
    }

    /** Builds a {@link HealthMonitor}; every part has a default. */
    public static final class Builder {

        private Consumer<VerdictChange> listener = change -> { };
        private Runnable updates = () -> { };
        private Prober prober;
        private Scheduler scheduler;
        private Function<Provider, ProbeBinding> bindings = HealthMonitor::configuredBinding;
        private ThreadFactory probeThreads;

        private Builder() {
        }

        /** Receives every verdict change, in order, on the monitor's event thread (logs, tests). */
        public Builder listener(Consumer<VerdictChange> listener) {
            this.listener = Objects.requireNonNull(listener);
            return this;
        }

        /**
         * Runs after every new {@link HealthSnapshot}, on the thread that published it, with no
         * lock held; it must only hand over (the daemon wakes its owner), never block.
         */
        public Builder updates(Runnable updates) {
            this.updates = Objects.requireNonNull(updates);
            return this;
        }

        /** How probes are sent; default {@link SocketProber}. */
        public Builder prober(Prober prober) {
            this.prober = Objects.requireNonNull(prober);
            return this;
        }

        /**
         * Time stamps and the timers that start rounds; default a scheduler of the monitor's
         * own on the system clock, closed with the monitor. A scheduler given here is not closed.
         */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler);
            return this;
        }

        /**
         * Where a provider's probes leave from, asked before every round; default its interface
         * and configured addresses. The daemon passes addresses learned from the kernel here.
         */
        public Builder bindings(Function<Provider, ProbeBinding> bindings) {
            this.bindings = Objects.requireNonNull(bindings);
            return this;
        }

        /** Creates the platform threads that run probes (and whose namespace their sockets use). */
        public Builder probeThreads(ThreadFactory probeThreads) {
            this.probeThreads = Objects.requireNonNull(probeThreads);
            return this;
        }

        public HealthMonitor build() {
            if (prober == null) {
                prober = new SocketProber();
            }
            if (probeThreads == null) {
                AtomicInteger n = new AtomicInteger();
                probeThreads = r -> Thread.ofPlatform().name("health-probe-" + n.incrementAndGet()).daemon()
                        .unstarted(r);
            }
            return new HealthMonitor(this);
        }
    }
}
