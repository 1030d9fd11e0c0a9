package net.multihome.core.health;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import net.multihome.core.config.HealthCheck;
import net.multihome.core.config.Provider;
import net.multihome.core.plan.ProviderHealth;
import net.multihome.core.status.ProbeStats;
import net.multihome.core.status.TargetStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes every provider's targets in rounds and keeps a health verdict per provider.
 *
 * <p>Each provider gets a round every {@code interval}; a round probes all targets in parallel,
 * each probe waiting up to {@code timeout}, so rounds overlap when the timeout is longer than
 * the interval (the YANG defaults: 200 ms and 200 ms); results are still counted in the order
 * rounds started. Verdict changes go to the log as one line each and to the listener, in the
 * order they happened, on one event thread that holds no lock (so the listener may call back
 * into the monitor). A provider starts UP, see {@link HealthDecider}.
 *
 * <p>Threads: one scheduler thread that only starts rounds, platform threads for the probes,
 * which block in native {@code poll()} (that would pin a virtual thread's carrier), and the
 * event thread. Probe sockets live in the network namespace of the probe threads, which is the
 * daemon's unless {@link Builder#probeThreads} says otherwise.
 */
public final class HealthMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);
    /** Time a probe may overrun its own timeout before its round stops waiting for it. */
    private static final Duration GRACE = Duration.ofSeconds(1);

    private final Consumer<VerdictChange> listener;
    private final Prober prober;
    private final InstantSource clock;
    private final Function<Provider, ProbeBinding> bindings;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService probes;
    private final ExecutorService events;
    /** Guarded by this; lock order is this, then a provider; finished rounds take only the provider's. */
    private final Map<String, MonitoredProvider> providers = new LinkedHashMap<>();
    private volatile boolean closed;

    private HealthMonitor(Builder b) {
        listener = b.listener;
        prober = b.prober;
        clock = b.clock;
        bindings = b.bindings;
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("health-scheduler").daemon().factory());
        probes = Executors.newCachedThreadPool(b.probeThreads);
        events = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("health-events").daemon().factory());
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Takes a new configuration: starts probing new providers, stops removed ones, and restarts
     * changed ones keeping their verdict and damping state. Unchanged providers keep running.
     */
    public synchronized void apply(List<Provider> configured) {
        if (closed) {
            throw new IllegalStateException("health monitor is closed");
        }
        Map<String, MonitoredProvider> next = new LinkedHashMap<>();
        for (Provider p : configured) {
            MonitoredProvider previous = providers.remove(p.name());
            if (previous != null && previous.provider().equals(p)) {
                next.put(p.name(), previous);
                continue;
            }
            if (previous != null) {
                previous.stop();
            }
            MonitoredProvider created = MonitoredProvider.of(p, previous, clock.instant());
            next.put(p.name(), created);
            if (previous != null) {
                publish(created, previous.verdict(), created.verdict());
            }
            if (created.probed()) {
                HealthCheck check = p.healthCheck();
                created.schedule(scheduler.scheduleAtFixedRate(() -> tick(created), 0,
                        check.interval().toNanos(), TimeUnit.NANOSECONDS));
            }
        }
        providers.values().forEach(MonitoredProvider::stop);
        providers.clear();
        providers.putAll(next);
    }

    /**
     * Takes a link event from netlink: an interface without carrier or administratively down
     * takes its providers DOWN at once; after it comes back they need {@code up-count} good rounds.
     *
     * @param why the link's state in words, e.g. "interface eth1 has no carrier"
     */
    public synchronized void linkChanged(String interfaceName, boolean usable, String why) {
        for (MonitoredProvider p : providers.values()) {
            if (p.provider().interfaceName().equals(interfaceName)) {
                synchronized (p) {
                    Verdict before = p.verdict();
                    publish(p, before, p.link(clock.instant(), usable, why));
                }
            }
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
        MonitoredProvider p = find(provider).orElseThrow(
                () -> new NoSuchElementException("no provider named " + provider));
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

    /** The verdict of every configured provider, in configuration order. */
    public Map<String, Verdict> verdicts() {
        Map<String, Verdict> out = new LinkedHashMap<>();
        snapshot().forEach(p -> out.put(p.name(), p.verdict()));
        return out;
    }

    /** What the planner consumes: the health of every configured provider. */
    public Map<String, ProviderHealth> health() {
        Map<String, ProviderHealth> out = new LinkedHashMap<>();
        snapshot().forEach(p -> out.put(p.name(), p.verdict().health()));
        return out;
    }

    public Optional<Verdict> verdict(String provider) {
        return find(provider).map(MonitoredProvider::verdict);
    }

    /** Statistics over all targets of the provider ({@link ProbeStats#NONE} when not probed). */
    public Optional<ProbeStats> stats(String provider) {
        return find(provider).map(MonitoredProvider::stats);
    }

    /** Each target of the provider with its last state and statistics, in configuration order. */
    public Optional<List<TargetStatus>> targets(String provider) {
        return find(provider).map(MonitoredProvider::targets);
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
        scheduler.shutdownNow();
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
        return p.startRound(this::probeAll, maxInFlight, results -> {
            try {
                synchronized (p) {
                    Verdict before = p.verdict();
                    publish(p, before, p.record(results, clock.instant()));
                }
            } catch (RuntimeException e) {
                LOG.error("provider={} probe round could not be counted", p.name(), e);
            }
        });
    }

    private CompletableFuture<List<ProbeResult>> probeAll(Provider provider) {
        HealthCheck check = provider.healthCheck();
        ProbeBinding binding = bindings.apply(provider);
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

    /** Logs and queues a change; callers hold {@code p}'s lock so its changes are queued in order. */
    private void publish(MonitoredProvider p, Verdict before, Verdict after) {
        if (before.health() == after.health() || closed || p.stopped()) {
            return;
        }
        LOG.info("provider health changed: provider={} from={} to={} reason=\"{}\"", p.name(), before.health(),
                after.health(), after.reason());
        VerdictChange change = new VerdictChange(p.name(), before.health(), after.health(), after.reason(),
                after.since());
        try {
            events.execute(() -> deliver(change));
        } catch (RejectedExecutionException closing) {
            LOG.debug("provider={} health change not delivered: monitor closing", p.name());
        }
    }

    private void deliver(VerdictChange change) {
        try {
            listener.accept(change);
        } catch (RuntimeException e) {
            LOG.warn("provider={} health listener failed", change.provider(), e);
        }
    }

    private synchronized List<MonitoredProvider> snapshot() {
        return List.copyOf(providers.values());
    }

    private synchronized Optional<MonitoredProvider> find(String provider) {
        return Optional.ofNullable(providers.get(provider));
    }

    /** Binds probes to the provider's interface and configured addresses. */
    static ProbeBinding configuredBinding(Provider p) {
        return new ProbeBinding(p.interfaceName(),
                p.ipv4() != null && p.ipv4().address() instanceof Inet4Address a ? a : null,
                p.ipv6() != null && p.ipv6().address() instanceof Inet6Address a ? a : null);
    }

    /** Builds a {@link HealthMonitor}; only the listener is required. */
    public static final class Builder {

        private Consumer<VerdictChange> listener;
        private Prober prober;
        private InstantSource clock = InstantSource.system();
        private Function<Provider, ProbeBinding> bindings = HealthMonitor::configuredBinding;
        private ThreadFactory probeThreads;

        private Builder() {
        }

        /** Receives every verdict change (the daemon re-plans). */
        public Builder listener(Consumer<VerdictChange> listener) {
            this.listener = Objects.requireNonNull(listener);
            return this;
        }

        /** How probes are sent; default {@link SocketProber}. */
        public Builder prober(Prober prober) {
            this.prober = Objects.requireNonNull(prober);
            return this;
        }

        /** Time stamps of rounds and link events; default the system clock. */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock);
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
            Objects.requireNonNull(listener, "listener");
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
