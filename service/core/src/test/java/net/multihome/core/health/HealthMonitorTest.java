package net.multihome.core.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import net.multihome.core.plan.Verdict;
import net.multihome.core.config.AddressConfig;
import net.multihome.core.config.HealthCheck;
import net.multihome.core.config.Provider;
import net.multihome.core.plan.ProviderHealth;
import net.multihome.core.status.TargetStatus;
import net.multihome.netlink.model.Family;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scheduler with a fake prober and fast rounds; waits poll with deadlines, no sleeps. */
class HealthMonitorTest {

    private static final Duration FAST = Duration.ofMillis(10);
    private static final long WAIT_SECONDS = 10;

    /** Targets that do not answer; every other target answers at once. */
    private final Set<InetAddress> silent = ConcurrentHashMap.newKeySet();
    private final AtomicLong probes = new AtomicLong();
    private final BlockingQueue<VerdictChange> changes = new LinkedBlockingQueue<>();
    private final HealthMonitor monitor = HealthMonitor.builder()
            .listener(changes::add)
            .prober((target, binding, timeout) -> {
                probes.incrementAndGet();
                return silent.contains(target.address()) ? ProbeResult.failed(target, "no answer within 10 ms")
                        : ProbeResult.answered(target, 1_500);
            })
            .build();

    @AfterEach
    void close() {
        monitor.close();
    }

    private static Provider provider(String name, String iface, int weight, HealthCheck.Target... targets) {
        HealthCheck check = HealthChecks.withTiming(HealthChecks.defaults(List.of(targets)), FAST, FAST);
        return new Provider(name, true, "", iface,
                new AddressConfig(Family.INET, UplinkLab.address("192.0.2.2"), 24, UplinkLab.address("192.0.2.1")),
                null, 101, null, weight, 1, check);
    }

    private VerdictChange nextChange() throws InterruptedException {
        VerdictChange c = changes.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(c, "no verdict change within " + WAIT_SECONDS + " s");
        return c;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        Object lock = new Object();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            synchronized (lock) {
                lock.wait(5);
            }
        }
    }

    @Test
    void aProviderWhoseTargetStopsAnsweringGoesDownAndComesBack() throws Exception {
        monitor.apply(List.of(provider("isp1", "eth1", 1, HealthChecks.icmp("192.0.2.10"))));
        assertEquals(ProviderHealth.UP, monitor.health().get("isp1"));

        silent.add(UplinkLab.address("192.0.2.10"));
        VerdictChange down = nextChange();
        assertEquals(new VerdictChange("isp1", ProviderHealth.UP, ProviderHealth.DOWN,
                "3 consecutive rounds with fewer than 1 of 1 targets answering", down.at()), down);

        silent.clear();
        VerdictChange up = nextChange();
        assertEquals(ProviderHealth.UP, up.newHealth());
        assertEquals("5 consecutive good rounds", up.reason());
    }

    @Test
    void probeNowReturnsOneResultPerTarget() {
        silent.add(UplinkLab.address("192.0.2.11"));
        monitor.apply(List.of(provider("isp1", "eth1", 1, HealthChecks.icmp("192.0.2.10"),
                HealthChecks.tcp("192.0.2.11", 443))));

        ProbeReport report = monitor.probeNow("isp1");

        assertEquals(2, report.results().size());
        assertEquals(ProbeResult.answered(HealthChecks.icmp("192.0.2.10"), 1_500), report.results().get(0));
        assertEquals(ProbeResult.failed(HealthChecks.tcp("192.0.2.11", 443), "no answer within 10 ms"),
                report.results().get(1));
        assertEquals(ProviderHealth.UP, report.verdict().health());
        assertThrows(NoSuchElementException.class, () -> monitor.probeNow("nope"));
    }

    @Test
    void probeNowReportsTheVerdictAfterItsRound() throws Exception {
        silent.add(UplinkLab.address("192.0.2.10"));
        HealthCheck hourly = HealthChecks.withTiming(
                HealthChecks.defaults(List.of(HealthChecks.icmp("192.0.2.10"))), Duration.ofHours(1), FAST);
        monitor.apply(List.of(new Provider("isp1", true, "", "eth1", null, null, 101, null, 1, 1, hourly)));
        await(() -> monitor.stats("isp1").orElseThrow().probesSent() == 1, "the first scheduled round");

        assertEquals(ProviderHealth.UP, monitor.probeNow("isp1").verdict().health(), "2 failed rounds");
        assertEquals(ProviderHealth.DOWN, monitor.probeNow("isp1").verdict().health(), "3 failed rounds");
    }

    @Test
    void targetsAndStatisticsAreReported() throws Exception {
        silent.add(UplinkLab.address("192.0.2.11"));
        monitor.apply(List.of(provider("isp1", "eth1", 1, HealthChecks.icmp("192.0.2.10"),
                HealthChecks.icmp("192.0.2.11"))));
        monitor.probeNow("isp1");

        List<TargetStatus> targets = monitor.targets("isp1").orElseThrow();
        assertEquals(TargetStatus.TargetState.ANSWERING, targets.get(0).state());
        assertEquals(1_500, targets.get(0).stats().rttAverageMicros());
        assertEquals(TargetStatus.TargetState.NOT_ANSWERING, targets.get(1).state());
        assertEquals("100.00", targets.get(1).stats().lossPercent().toPlainString());
        assertEquals("50.00", monitor.stats("isp1").orElseThrow().lossPercent().toPlainString());
    }

    @Test
    void applyKeepsUnchangedProvidersAndCarriesTheVerdictOfChangedOnes() throws Exception {
        silent.add(UplinkLab.address("192.0.2.10"));
        Provider isp1 = provider("isp1", "eth1", 1, HealthChecks.icmp("192.0.2.10"));
        Provider isp2 = provider("isp2", "eth2", 1, HealthChecks.icmp("192.0.2.20"));
        monitor.apply(List.of(isp1, isp2));
        assertEquals(ProviderHealth.DOWN, nextChange().newHealth());
        monitor.probeNow("isp2");
        long isp2Sent = monitor.stats("isp2").orElseThrow().probesSent();

        Provider isp1Heavier = provider("isp1", "eth1", 5, HealthChecks.icmp("192.0.2.10"));
        Provider isp3 = provider("isp3", "eth3", 1, HealthChecks.icmp("192.0.2.30"));
        monitor.apply(List.of(isp1Heavier, isp2, isp3));

        assertEquals(ProviderHealth.DOWN, monitor.verdict("isp1").orElseThrow().health(), "carried over");
        assertTrue(monitor.stats("isp2").orElseThrow().probesSent() >= isp2Sent, "counters kept");
        assertEquals(List.of("isp1", "isp2", "isp3"), List.copyOf(monitor.verdicts().keySet()));

        monitor.apply(List.of(isp2));
        assertEquals(List.of("isp2"), List.copyOf(monitor.verdicts().keySet()));
        assertTrue(monitor.verdict("isp1").isEmpty());
    }

    @Test
    void onlyWhatProbingReadsRestartsAProvidersProbing() {
        Provider isp1 = provider("isp1", "eth1", 1, HealthChecks.icmp("192.0.2.10"));
        Provider retuned = new Provider("isp1", true, "backup line", "eth1", isp1.ipv4(), null, 101, null, 7, 2,
                isp1.healthCheck());
        assertTrue(HealthMonitor.probedAlike(isp1, retuned), "weight, tier and description");
        assertFalse(HealthMonitor.probedAlike(isp1, provider("isp1", "eth2", 1, HealthChecks.icmp("192.0.2.10"))),
                "interface");
        assertFalse(HealthMonitor.probedAlike(isp1, provider("isp1", "eth1", 1, HealthChecks.icmp("192.0.2.11"))),
                "targets");
        assertFalse(HealthMonitor.probedAlike(isp1, new Provider("isp1", false, "", "eth1", isp1.ipv4(), null, 101,
                null, 1, 1, isp1.healthCheck())), "enabled");
    }

    @Test
    void lostCarrierTakesTheProviderDownAtOnce() throws Exception {
        monitor.apply(List.of(provider("isp1", "eth1", 1, HealthChecks.icmp("192.0.2.10")),
                provider("isp2", "eth2", 1, HealthChecks.icmp("192.0.2.20"))));

        monitor.linkChanged("eth1", false, "interface eth1 has no carrier");

        assertEquals(new Verdict(ProviderHealth.DOWN, "interface eth1 has no carrier",
                monitor.verdict("isp1").orElseThrow().since()), monitor.verdict("isp1").orElseThrow());
        assertEquals(ProviderHealth.DOWN, nextChange().newHealth());
        assertEquals(ProviderHealth.UP, monitor.health().get("isp2"));

        monitor.linkChanged("eth1", true, "interface eth1 is up");
        VerdictChange up = nextChange();
        assertEquals("isp1", up.provider());
        assertEquals(ProviderHealth.UP, up.newHealth());
    }

    @Test
    void aProviderWithoutHealthChecksIsUpAndNotProbed() {
        Provider p = provider("isp1", "eth1", 1);
        monitor.apply(List.of(p));
        assertEquals(new Verdict(ProviderHealth.UP, "no health-check targets; only the link state counts",
                monitor.verdict("isp1").orElseThrow().since()), monitor.verdict("isp1").orElseThrow());
        assertThrows(IllegalStateException.class, () -> monitor.probeNow("isp1"));
    }

    @Test
    void theListenerMayReadTheMonitorItReportsFrom() throws Exception {
        BlockingQueue<ProviderHealth> seen = new LinkedBlockingQueue<>();
        HealthMonitor[] holder = new HealthMonitor[1];
        try (HealthMonitor m = HealthMonitor.builder()
                .listener(c -> seen.add(holder[0].health().get(c.provider())))
                .prober((target, binding, timeout) -> ProbeResult.failed(target, "silent"))
                .build()) {
            holder[0] = m;
            m.apply(List.of(provider("isp1", "eth1", 1, HealthChecks.icmp("192.0.2.10")),
                    provider("isp2", "eth2", 1, HealthChecks.icmp("192.0.2.20"))));
            assertEquals(ProviderHealth.DOWN, seen.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            assertEquals(ProviderHealth.DOWN, seen.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        }
    }

    @Test
    void closeStopsProbingPromptly() throws Exception {
        monitor.apply(List.of(provider("isp1", "eth1", 1, HealthChecks.icmp("192.0.2.10"))));
        await(() -> probes.get() > 3, "a few rounds");
        long start = System.nanoTime();
        monitor.close();
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "close took too long");
        assertThrows(IllegalStateException.class, () -> monitor.apply(List.of()));
    }
}
