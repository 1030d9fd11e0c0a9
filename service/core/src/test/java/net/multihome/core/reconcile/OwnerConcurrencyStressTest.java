package net.multihome.core.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import net.multihome.core.config.ConfigLoader;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.health.HealthMonitor;
import net.multihome.core.health.ProbeResult;
import net.multihome.core.plan.OwnerTag;
import net.multihome.core.plan.ProviderHealth;
import net.multihome.core.status.ProviderEvents;
import net.multihome.core.status.StatusSnapshot;
import net.multihome.core.status.StatusTracker;
import net.multihome.core.yang.YangSchema;
import net.multihome.netlink.model.RouteScope;
import net.multihome.testkit.BoundedWorkers;
import net.multihome.testkit.FakeDataplane;
import net.multihome.testkit.ManualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's owner under load, without namespaces: the reconcile loop on a fake kernel, the
 * health monitor with a fake prober on a manual clock, and the status tracker, wired as the
 * daemon wires them. Threads post configurations and wait for them, flip a provider's health,
 * delete our routes behind the owner's back and announce it, move the clock, and read every
 * snapshot, all at once. Every category must reach its count within the deadline: a lock
 * cycle or a lost wake-up stops some category, and the workers that never end are reported
 * with a thread dump instead of hanging the build. At the end the kernel must hold exactly
 * what the last configuration wants.
 */
class OwnerConcurrencyStressTest {

    private static final ConfigLoader LOADER = new ConfigLoader(YangSchema.load());
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration ROUND = Duration.ofMillis(10);
    private static final long TOTAL = 100_000;
    /** The configurations the committer cycles through: new weights, then isp2 gone and back. */
    private static final List<MultihomeConfig> CONFIGS = List.of(config(5, true), config(4, true), config(4, false));

    @TempDir
    Path dir;

    private final FakeDataplane kernel = new FakeDataplane();
    private final ManualScheduler clock = new ManualScheduler(Instant.parse("2026-12-04T00:00:00Z"));
    /** Interfaces whose probes go unanswered. */
    private final Set<String> silent = ConcurrentHashMap.newKeySet();
    private final AtomicLong verdictChanges = new AtomicLong();
    private final AtomicLong passes = new AtomicLong();
    private final ConcurrentLinkedQueue<CompletableFuture<PassResult>> applies = new ConcurrentLinkedQueue<>();
    private final AtomicReference<MultihomeConfig> lastPosted = new AtomicReference<>(CONFIGS.getFirst());
    private Reconciler reconciler;
    private HealthMonitor health;
    private StatusTracker status;
    private ReconcileLoop loop;

    @BeforeEach
    void start() {
        kernel.addLink(1, "eth0", "198.51.100.1/26", RouteScope.UNIVERSE);
        kernel.addLink(2, "if1", "203.0.113.2/26", RouteScope.UNIVERSE);
        kernel.addLink(3, "if2", "203.0.113.66/26", RouteScope.UNIVERSE);
        status = new StatusTracker(clock::now, OwnerTag.DEFAULT, new ProviderEvents());
        AtomicReference<ReconcileLoop> loopRef = new AtomicReference<>();
        health = HealthMonitor.builder().scheduler(clock)
                .prober((target, binding, timeout) -> silent.contains(binding.interfaceName())
                        ? new ProbeResult(target, false, 0, "silenced by the test")
                        : new ProbeResult(target, true, 100, null))
                .listener(change -> verdictChanges.incrementAndGet())
                .updates(() -> loopRef.get().healthUpdated())
                .build();
        reconciler = new Reconciler(kernel, OwnerTag.DEFAULT, new TableNamesFile(dir.resolve("names.conf")));
        loop = new ReconcileLoop(reconciler, CONFIGS.getFirst(), health::verdicts, clock, Duration.ofSeconds(30),
                Duration.ofSeconds(1), new Duties());
        loopRef.set(loop);
        health.apply(CONFIGS.getFirst().providers());
        loop.start();
    }

    @AfterEach
    void stop() {
        loop.close();
        health.close();
    }

    /** What the daemon's owner does besides passes (as the daemon's OwnerDuties): hand over, never wait. */
    private final class Duties implements ReconcileLoop.Listener {

        @Override
        public void configuring(MultihomeConfig next) {
            health.apply(next.providers());
        }

        @Override
        public void passed(MultihomeConfig used, PassResult result) {
            status.record(used, result, health.snapshot());
            passes.incrementAndGet();
            result.links().forEach(link -> health.linkChanged(link.name(), link.adminUp() && link.carrier(),
                    "interface " + link.name()));
        }

        @Override
        public void healthRefreshed() {
            status.refresh(health.snapshot());
        }
    }

    @Test
    void theOwnerTheHealthMonitorAndReadersAllMakeProgress() throws Exception {
        BoundedWorkers.Outcome outcome;
        try (BoundedWorkers workers = new BoundedWorkers(DEADLINE)) {
            workers.start("commit", 1, 1_500, this::commitBatch);
            workers.start("health-flip", 1, 1_000, this::flipHealth);
            workers.start("kernel-event", 1, 20_000, this::kernelEvent);
            // Each flip takes a few ticks, so the clock keeps going until the flips are done.
            workers.start("clock", 1, 10_000, this::tick);
            workers.startEach("reader", 2, 70_000, () -> new Reader()::read);
            outcome = workers.await();
        }
        System.out.printf("owner stress: %s; %d passes, %d verdict changes%n", outcome, passes.get(),
                verdictChanges.get());
        assertTrue(outcome.complete(), outcome.toString());
        assertTrue(outcome.total() >= TOTAL, outcome.toString());
        assertTrue(applies.stream().allMatch(f -> f.isDone() && !f.isCompletedExceptionally()),
                "every apply completed with a pass");
        assertTrue(applies.stream().allMatch(f -> f.join().converged()), "the fake kernel refuses nothing");
        assertKernelFollowsTheLastConfiguration();
    }

    /** Posts one to three configurations at once, as concurrent commits would, and waits for each. */
    private void commitBatch() throws Exception {
        long n = applies.size();
        int batch = (int) (n % 3) + 1;
        for (int i = 0; i < batch; i++) {
            MultihomeConfig next = CONFIGS.get((int) ((n + i) % CONFIGS.size()));
            lastPosted.set(next);
            applies.add(loop.apply(next));
        }
        for (CompletableFuture<PassResult> f : applies.stream().skip(n).toList()) {
            f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Silences or answers isp1's probes and waits for its verdict to follow. It waits for the
     * verdict, not for one change: probes of successive rounds run in parallel, so a round
     * started before the flip may answer after it and move the verdict once more.
     */
    private void flipHealth() {
        ProviderHealth wanted = silent.remove("if1") ? ProviderHealth.UP : ProviderHealth.DOWN;
        if (wanted == ProviderHealth.DOWN) {
            silent.add("if1");
        }
        if (!awaitTrue(WAIT, () -> health.verdict("isp1").map(v -> v.health() == wanted).orElse(false))) {
            throw new AssertionError("isp1 not " + wanted + " within " + WAIT + " of flipping its probes; verdicts "
                    + health.verdicts() + ", isp1 " + health.stats("isp1") + ", " + health.roundsCounted()
                    + " rounds, " + clock.pending() + " timers");
        }
    }

    /** Someone deletes our routes in isp1's table now and then; every time netlink says the kernel changed. */
    private void kernelEvent() {
        if (ThreadLocalRandom.current().nextInt(16) == 0) {
            kernel.deleteRoutes(101, OwnerTag.DEFAULT.protocol());
        }
        loop.trigger();
    }

    /**
     * Probe intervals pass until a round is counted, so rounds do not pile up. More than one
     * when a provider was just restarted by a new configuration and its first round is not due yet.
     */
    private void tick() {
        long before = health.roundsCounted();
        long end = System.nanoTime() + WAIT.toNanos();
        while (health.roundsCounted() == before) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("no probe round counted within " + WAIT + " of moving the clock");
            }
            clock.advance(ROUND);
            awaitTrue(Duration.ofMillis(50), () -> health.roundsCounted() > before);
        }
    }

    /** A NETCONF or SNMP reader (one per thread): every snapshot there is, never waiting, never going back in time. */
    private final class Reader {
        private long lastPasses;

        void read() {
            StatusSnapshot snapshot = status.snapshot();
            assertTrue(snapshot.reconcilePasses() >= lastPasses, "status snapshots never go back");
            lastPasses = snapshot.reconcilePasses();
            assertTrue(health.snapshot().verdicts().size() <= 2);
            assertTrue(CONFIGS.contains(loop.config()));
            loop.stalledFor();
        }
    }

    /** With everything quiet, one more kernel-reading pass leaves nothing for the reconciler to change. */
    private void assertKernelFollowsTheLastConfiguration() throws Exception {
        health.close();
        loop.trigger();
        PassResult last = loop.apply(lastPosted.get()).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertTrue(last.converged(), last.summary());
        assertEquals(lastPosted.get(), loop.config());
        loop.close();
        PassResult check = reconciler.pass(lastPosted.get(), health.verdicts());
        assertTrue(check.converged(), check.summary());
        assertEquals(0, check.applied(), "the kernel already holds what the last configuration wants");
    }

    /** Polls {@code condition} every 20 µs or so; whether it held within {@code within}. */
    private static boolean awaitTrue(Duration within, BooleanSupplier condition) {
        long end = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                return false;
            }
            LockSupport.parkNanos(20_000);
        }
        return true;
    }

    /** Two providers with fast, undamped health checks (a verdict moves after one round); isp2 optional. */
    private static MultihomeConfig config(int isp1Weight, boolean withIsp2) {
        String xml = """
                <config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
                  <multihome xmlns="urn:multihome:yang:multihome">
                    <local-network><prefix>198.51.100.0/26</prefix><interface>eth0</interface></local-network>
                    %s
                    %s
                  </multihome>
                </config>
                """.formatted(provider("isp1", "if1", "203.0.113.2", "203.0.113.1", 101, isp1Weight),
                withIsp2 ? provider("isp2", "if2", "203.0.113.66", "203.0.113.65", 102, 1) : "");
        try {
            return LOADER.load(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String provider(String name, String iface, String address, String gateway, int table, int weight) {
        return """
                <provider>
                  <name>%s</name><interface>%s</interface>
                  <ipv4><address>%s</address><prefix-length>26</prefix-length><gateway>%s</gateway></ipv4>
                  <table>%d</table><weight>%d</weight>
                  <health-check>
                    <target><address>192.0.2.1</address></target>
                    <interval>10</interval><timeout>10</timeout><down-count>1</down-count><up-count>1</up-count>
                    <damping><enabled>false</enabled></damping>
                  </health-check>
                </provider>
                """.formatted(name, iface, address, gateway, table, weight);
    }
}
