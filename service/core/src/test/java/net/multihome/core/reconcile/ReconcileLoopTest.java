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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.multihome.core.config.ConfigLoader;
import net.multihome.core.config.Examples;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.plan.OperStatus;
import net.multihome.core.plan.OwnerTag;
import net.multihome.core.plan.ProviderHealth;
import net.multihome.core.plan.ProviderPlan;
import net.multihome.core.plan.Verdict;
import net.multihome.core.yang.YangSchema;
import net.multihome.netlink.model.Link;
import net.multihome.netlink.model.LinkStats;
import net.multihome.netlink.model.Nexthop;
import net.multihome.netlink.model.OperState;
import net.multihome.netlink.model.RouteScope;
import net.multihome.testkit.FakeDataplane;
import net.multihome.testkit.ManualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The owner loop on a fake kernel with a manual clock: health verdicts come from a map the test
 * changes, as the health monitor's snapshot would, and each pass is announced to the test.
 */
class ReconcileLoopTest {

    private static final ConfigLoader LOADER = new ConfigLoader(YangSchema.load());
    private static final long WAIT_SECONDS = 10;
    private static final Duration SAFETY = Duration.ofSeconds(30);
    private static final Duration RETRY = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    private final FakeDataplane kernel = new FakeDataplane();
    private final ManualScheduler clock = new ManualScheduler(Instant.parse("2026-12-04T00:00:00Z"));
    /** The health monitor's verdicts, in configuration order as its snapshot keeps them. */
    private final Map<String, Verdict> verdicts = new ConcurrentHashMap<>();
    private final BlockingQueue<PassResult> passes = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> refreshes = new LinkedBlockingQueue<>();
    private final BlockingQueue<List<Link>> linksRead = new LinkedBlockingQueue<>();
    private ReconcileLoop loop;
    private MultihomeConfig seed;

    @BeforeEach
    void start() throws Exception {
        kernel.addLink(1, "eth0", "198.51.100.1/26", RouteScope.UNIVERSE);
        kernel.addLink(2, "if1", "203.0.113.2/26", RouteScope.UNIVERSE);
        kernel.addLink(3, "if2", "203.0.113.66/26", RouteScope.UNIVERSE);
        seed = config(Examples.seedProviders());
        Reconciler reconciler = new Reconciler(kernel, OwnerTag.DEFAULT, new TableNamesFile(dir.resolve("names.conf")));
        loop = new ReconcileLoop(reconciler, seed, () -> Map.copyOf(verdicts), clock, SAFETY, RETRY,
                new ReconcileLoop.Listener() {
                    @Override
                    public void passed(MultihomeConfig used, PassResult result) {
                        passes.add(result);
                    }

                    @Override
                    public void healthRefreshed() {
                        refreshes.add("refreshed");
                    }

                    @Override
                    public void linksRead(List<Link> links) {
                        linksRead.add(links);
                    }
                });
        loop.start();
        assertTrue(next().converged());
    }

    @AfterEach
    void stop() {
        loop.close();
    }

    @Test
    void commitOfADescriptionIsAnsweredWithoutReadingTheKernel() throws Exception {
        int reads = kernel.linkReads;
        MultihomeConfig described = config(Examples.seedProviders().replace("<name>isp1</name>",
                "<name>isp1</name><description>uplink in rack 4</description>"));
        PassResult result = loop.apply(described).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue(result.converged());
        assertEquals(0, result.applied());
        assertEquals(reads, kernel.linkReads, "no kernel dump for a change the kernel does not see");
        assertEquals(described, loop.config());
    }

    @Test
    void aKernelEventReadsTheKernelAndAHealthChangeOrNewWeightOnlyReplacesTheGroup() throws Exception {
        int reads = kernel.linkReads;
        loop.trigger();
        next();
        assertEquals(reads + 1, kernel.linkReads, "a kernel event reads the kernel");
        health("isp1", ProviderHealth.DOWN, "3 consecutive rounds with fewer than 1 of 1 targets answering");
        assertTrue(next().applied() > 0, "isp1 left the group");
        MultihomeConfig reweighted = config(Examples.seedProviders().replace("<weight>5</weight>", "<weight>4</weight>"));
        health("isp1", ProviderHealth.UP, "5 consecutive good rounds");
        next();
        PassResult result = loop.apply(reweighted).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue(result.applied() > 0, "the group was rewritten with the new weight");
        assertEquals(reads + 1, kernel.linkReads, "only nexthops changed, as the last pass left them");
        assertTrue(kernel.nexthops.values().stream().anyMatch(n -> n instanceof Nexthop.Group g
                && g.members().stream().anyMatch(m -> m.weight() == 4)), kernel.nexthops::toString);
    }

    @Test
    void aNewWeightAfterAKernelEventReadsTheKernelFirst() throws Exception {
        int reads = kernel.linkReads;
        kernel.deleteRoutes(101, OwnerTag.DEFAULT.protocol());
        loop.trigger();
        MultihomeConfig reweighted = config(Examples.seedProviders().replace("<weight>5</weight>", "<weight>4</weight>"));
        PassResult result = loop.apply(reweighted).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue(result.converged(), result::summary);
        assertTrue(kernel.linkReads > reads, "the kernel was read");
        assertTrue(kernel.routes.values().stream().anyMatch(r -> r.table() == 101), "the deleted route is back");
    }

    @Test
    void theDecidersReasonIsReportedAndAReasonAloneReplansWithoutReadingTheKernel() throws Exception {
        health("isp1", ProviderHealth.DOWN, "3 consecutive rounds with fewer than 1 of 1 targets answering");
        PassResult down = next();
        assertEquals("3 consecutive rounds with fewer than 1 of 1 targets answering", status(down, "isp1").reason());
        int reads = kernel.linkReads;
        health("isp1", ProviderHealth.DOWN, "flap hold-down ended; waiting for 5 good rounds");
        PassResult replanned = next();
        assertEquals("flap hold-down ended; waiting for 5 good rounds", status(replanned, "isp1").reason());
        assertEquals(reads, kernel.linkReads, "the kernel objects wanted did not change");
    }

    @Test
    void statisticsAloneRefreshTheStatusWithoutAPass() throws Exception {
        loop.healthUpdated();
        assertEquals("refreshed", refreshes.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        assertTrue(passes.isEmpty(), "no pass for unchanged verdicts");
    }

    @Test
    void linksReadOutsideAPassAreHandedOnWithoutAPass() throws Exception {
        List<Link> read = List.of(new Link(2, "if1", true, true, OperState.UP, 1500, null, "veth",
                new LinkStats(10, 20, 1000, 2000, 0, 0, 0, 0)));
        int reads = kernel.linkReads;
        loop.linksRead(read);
        assertEquals(read, linksRead.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        assertTrue(passes.isEmpty(), "counters alone make no pass");
        assertEquals(reads, kernel.linkReads, "the owner does not read the kernel for them");
    }

    @Test
    void providerDeletedWhileDownAndReaddedRejoinsTheDefault() throws Exception {
        health("isp1", ProviderHealth.DOWN, "3 consecutive rounds with fewer than 1 of 1 targets answering");
        assertEquals(OperStatus.DOWN, status(next(), "isp1").status());
        MultihomeConfig withoutIsp1 = config(Examples.seedProviders().replaceFirst(
                "(?s)<provider>\\s*<name>isp1</name>.*?</provider>", ""));
        verdicts.remove("isp1");
        assertTrue(loop.apply(withoutIsp1).get(WAIT_SECONDS, TimeUnit.SECONDS).converged());
        // The monitor starts a re-added provider afresh: up until proven down.
        verdicts.put("isp1", new Verdict(ProviderHealth.UP, "no probe round finished yet", clock.now()));
        PassResult readded = loop.apply(seed).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(OperStatus.UP, status(readded, "isp1").status());
        assertEquals("83.33", status(readded, "isp1").defaultRouteShare().toPlainString());
    }

    @Test
    void aConfigurationTheKernelRefusesIsTakenBack() throws Exception {
        kernel.refuse = "weight=4";
        MultihomeConfig reweighted = config(Examples.seedProviders().replace("<weight>5</weight>", "<weight>4</weight>"));
        PassResult refused = loop.apply(reweighted).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(1, refused.errors().size());
        assertTrue(refused.errors().getFirst().message().endsWith("EINVAL: refused by the test"),
                refused.errors()::toString);
        assertEquals(seed, loop.config(), "running stays the previous configuration");
        PassResult restored = passes.stream().reduce((a, b) -> b).orElseThrow();
        assertTrue(restored.converged(), "the previous configuration is back in the kernel");
        assertEquals("83.33", status(restored, "isp1").defaultRouteShare().toPlainString());
    }

    @Test
    void aSafetyPassReadsTheKernelWhenTheIntervalPassesWithoutNews() throws Exception {
        int reads = kernel.linkReads;
        clock.advance(SAFETY.minusMillis(1));
        assertTrue(passes.isEmpty(), "no pass before the interval");
        clock.advance(Duration.ofMillis(1));
        next();
        assertEquals(reads + 1, kernel.linkReads);
        assertEquals(Duration.ZERO, awaitIdle());
    }

    private Duration awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!loop.stalledFor().isZero() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return loop.stalledFor();
    }

    private void health(String provider, ProviderHealth health, String reason) {
        verdicts.put(provider, new Verdict(health, reason, clock.now()));
        loop.healthUpdated();
    }

    private static ProviderPlan status(PassResult pass, String provider) {
        return pass.desired().providers().stream().filter(p -> p.name().equals(provider)).findFirst().orElseThrow();
    }

    private PassResult next() throws InterruptedException {
        PassResult result = passes.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue(result != null, "a pass within " + WAIT_SECONDS + " s");
        return result;
    }

    private static MultihomeConfig config(String xml) throws Exception {
        return LOADER.load(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
