package net.multihome.core.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.multihome.core.config.AddressConfig;
import net.multihome.core.config.HealthCheck;
import net.multihome.core.config.Provider;
import net.multihome.core.plan.ProviderHealth;
import net.multihome.core.status.ProbeStats;
import net.multihome.netlink.model.Family;
import net.multihome.testing.NamespaceThreads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The monitor with real probes from a router namespace, YANG default timing; needs root. */
@Tag("netns")
class HealthMonitorNetnsTest {

    private static final String DROP_ECHO = """
            table inet mhtest-loss {
              chain in {
                type filter hook input priority 0;
                icmp type echo-request %s drop
              }
            }
            """;

    private final BlockingQueue<VerdictChange> changes = new LinkedBlockingQueue<>();
    private UplinkLab lab;
    private HealthMonitor monitor;

    @BeforeEach
    void start() throws Exception {
        lab = UplinkLab.create();
        monitor = HealthMonitor.builder()
                .listener(changes::add)
                .probeThreads(NamespaceThreads.factory(lab.router))
                .build();
        HealthCheck check = HealthChecks.defaults(List.of(HealthChecks.icmp("10.201.0.2")));
        monitor.apply(List.of(new Provider("isp1", true, "", "up1",
                new AddressConfig(Family.INET, UplinkLab.address("10.201.0.1"), 24, UplinkLab.address("10.201.0.2")),
                null, 101, null, 1, 1, check)));
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (monitor != null) {
                monitor.close();
            }
        } finally {
            if (lab != null) {
                lab.close();
            }
        }
    }

    private VerdictChange nextChange(Duration within) throws InterruptedException {
        return changes.poll(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void awaitAnsweredRounds(long rounds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Object lock = new Object();
        while (monitor.stats("isp1").orElseThrow().probesSent() < rounds) {
            assertTrue(System.nanoTime() < deadline, "no probe rounds");
            synchronized (lock) {
                lock.wait(20);
            }
        }
        assertEquals(0, monitor.stats("isp1").orElseThrow().probesLost(), "target answers");
    }

    @Test
    void aDeadUplinkIsWithdrawnWithinAboutASecondAndReturnsAfterFiveGoodRounds() throws Exception {
        awaitAnsweredRounds(5);

        long cut = System.nanoTime();
        lab.provider1.nft(DROP_ECHO.formatted(""));
        VerdictChange down = nextChange(Duration.ofSeconds(5));
        long detectMillis = (System.nanoTime() - cut) / 1_000_000;
        assertNotNull(down, "not withdrawn");
        assertEquals(ProviderHealth.DOWN, down.newHealth());

        long healed = System.nanoTime();
        lab.provider1.exec("nft", "delete", "table", "inet", "mhtest-loss");
        VerdictChange up = nextChange(Duration.ofSeconds(5));
        long returnMillis = (System.nanoTime() - healed) / 1_000_000;
        assertNotNull(up, "not back");
        assertEquals(ProviderHealth.UP, up.newHealth());

        System.out.printf("health netns: down detected after %d ms, up again after %d ms%n", detectMillis,
                returnMillis);
        assertTrue(detectMillis < 1_500, "detection took " + detectMillis + " ms");
        assertTrue(returnMillis < 2_000, "return took " + returnMillis + " ms");
    }

    @Test
    void probeNowAnswersThroughTheUplink() {
        ProbeReport report = monitor.probeNow("isp1");
        assertTrue(report.results().getFirst().answered(), report.toString());
    }

    @Test
    @Tag("slow")
    void onePercentRandomLossForAMinuteNeverTakesTheProviderDown() throws Exception {
        lab.provider1.nft(DROP_ECHO.formatted("numgen random mod 100 < 1"));

        assertNull(nextChange(Duration.ofSeconds(60)), "a verdict changed under 1 % loss");

        ProbeStats stats = monitor.stats("isp1").orElseThrow();
        System.out.printf("health netns: 1%% loss for 60 s: %d probes, %d lost, verdict %s%n", stats.probesSent(),
                stats.probesLost(), monitor.verdict("isp1").orElseThrow().health());
        assertEquals(ProviderHealth.UP, monitor.verdict("isp1").orElseThrow().health());
        assertTrue(stats.probesSent() >= 250, "rounds every 200 ms: " + stats.probesSent());
    }
}
