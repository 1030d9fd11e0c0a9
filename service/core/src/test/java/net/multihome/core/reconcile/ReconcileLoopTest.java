package net.multihome.core.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.multihome.core.config.ConfigLoader;
import net.multihome.core.config.Examples;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.plan.OwnerTag;
import net.multihome.core.plan.ProviderHealth;
import net.multihome.core.yang.YangSchema;
import net.multihome.netlink.model.RouteScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconcileLoopTest {

    private static final ConfigLoader LOADER = new ConfigLoader(YangSchema.load());
    private static final long WAIT_SECONDS = 10;

    @TempDir
    Path dir;

    private final FakeDataplane kernel = new FakeDataplane();
    private final BlockingQueue<PassResult> passes = new LinkedBlockingQueue<>();
    private ReconcileLoop loop;
    private MultihomeConfig seed;

    @BeforeEach
    void start() throws Exception {
        kernel.addLink(1, "eth0", "198.51.100.1/26", RouteScope.UNIVERSE);
        kernel.addLink(2, "if1", "203.0.113.2/26", RouteScope.UNIVERSE);
        kernel.addLink(3, "if2", "203.0.113.66/26", RouteScope.UNIVERSE);
        seed = config(Examples.seedProviders());
        Reconciler reconciler = new Reconciler(kernel, OwnerTag.DEFAULT, new TableNamesFile(dir.resolve("names.conf")));
        loop = new ReconcileLoop(reconciler, seed, Duration.ofHours(1), Duration.ofHours(1), passes::add);
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
    void kernelEventHealthChangeAndNewWeightEachReadTheKernel() throws Exception {
        int reads = kernel.linkReads;
        loop.trigger();
        next();
        assertEquals(reads + 1, kernel.linkReads, "a kernel event reads the kernel");
        loop.health("isp1", ProviderHealth.DOWN);
        assertTrue(next().applied() > 0, "isp1 left the group");
        assertEquals(reads + 2, kernel.linkReads);
        MultihomeConfig reweighted = config(Examples.seedProviders().replace("<weight>5</weight>", "<weight>4</weight>"));
        loop.health("isp1", ProviderHealth.UP);
        next();
        PassResult result = loop.apply(reweighted).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue(result.applied() > 0, "the group was rewritten with the new weight");
        assertEquals(reads + 4, kernel.linkReads);
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
