package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import net.multihome.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: a provider deleted while it was down by health and then added again under the
 * same name stayed down ("health checks fail") and out of the default route for good, though
 * its gateway answered: the reconcile loop kept the old verdict, and the new provider published none.
 */
@Tag("netns")
class ProviderReaddIT {

    /** Five good rounds (1 s at the defaults) after the commit, with room for a loaded machine. */
    private static final Duration BACK = Duration.ofSeconds(5);
    private static final String ISP1_NEXTHOP = "nexthop via 203.0.113.1 dev if1 weight 5";

    @TempDir
    Path dir;

    private Lab lab;

    @BeforeEach
    void up() throws Exception {
        assumeTrue(NcclientScript.available(), "needs /usr/bin/python3 with ncclient (python3-ncclient)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "needs socat for the lab's NETCONF forwarder");
        lab = Lab.up(dir);
    }

    @AfterEach
    void down() {
        if (lab != null) {
            lab.close();
        }
    }

    private NcclientScript.Result client(String... args) throws Exception {
        return NcclientScript.run(dir, lab.netconfPort, args);
    }

    private NcclientScript.Result waitStatus(String status, Duration within) throws Exception {
        return client("wait-status", "isp1", status, Double.toString(within.toMillis() / 1000.0));
    }

    private boolean isp1InDefault() {
        return lab.ip("-4", "route", "show", "default", "table", "4200").contains(ISP1_NEXTHOP);
    }

    @Test
    void providerDeletedWhileDownAndReaddedDoesNotStayOutOfTheDefaultRoute() throws Exception {
        NcclientScript.Result status = waitStatus("up", Duration.ofSeconds(10));
        assertTrue(status.ok(), "isp1 does not start up: " + status.output());

        lab.lab("fail", "isp1", "gateway");
        status = waitStatus("down", Duration.ofSeconds(10));
        assertTrue(status.ok(), "isp1 did not go down by health: " + status.output());

        // Running without isp1 (the recipe minus its provider element), then the recipe again.
        Path withoutIsp1 = dir.resolve("without-isp1.xml");
        Files.writeString(withoutIsp1, Files.readString(Lab.RECIPE)
                .replaceFirst("(?s)<provider>\\s*<name>isp1</name>.*?</provider>", ""));
        NcclientScript.Result deleted = client("commit", withoutIsp1.toString());
        assertEquals(0, deleted.exit(), "deleting isp1: " + deleted.output());
        lab.lab("restore", "isp1");
        NcclientScript.Result readded = client("commit", Lab.RECIPE.toString());
        assertEquals(0, readded.exit(), "adding isp1 again: " + readded.output());
        long committed = System.nanoTime();

        status = waitStatus("up", BACK);
        assertTrue(status.ok(), () -> "isp1, added again with its gateway answering, is not up within " + BACK
                + ": " + waitStatusNow() + "\n" + lab.daemonLog());
        Duration left = BACK.minusNanos(System.nanoTime() - committed);
        assertTrue(Await.within(left.isNegative() ? Duration.ZERO : left, this::isp1InDefault),
                () -> "isp1 is up but not in the kernel's default route: "
                        + lab.ip("-4", "route", "show", "default", "table", "4200"));
    }

    private String waitStatusNow() {
        try {
            return waitStatus("up", Duration.ZERO).output().strip();
        } catch (Exception e) {
            return "(status unknown: " + e + ")";
        }
    }
}
