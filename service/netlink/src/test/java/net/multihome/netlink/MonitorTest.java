package net.multihome.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.Nexthop;
import net.multihome.netlink.model.Route;
import net.multihome.testing.Await;
import org.junit.jupiter.api.Test;

class MonitorTest extends NetnsTestBase {

    private final BlockingQueue<NetlinkEvent> events = new LinkedBlockingQueue<>();

    private NetlinkEvent await(String what, Predicate<NetlinkEvent> wanted) throws InterruptedException {
        Instant end = Instant.now().plus(Await.DEADLINE);
        List<NetlinkEvent> seen = new ArrayList<>();
        for (Instant now = Instant.now(); now.isBefore(end); now = Instant.now()) {
            NetlinkEvent e = events.poll(Duration.between(now, end).toMillis(), TimeUnit.MILLISECONDS);
            if (e == null) {
                break;
            }
            if (wanted.test(e)) {
                return e;
            }
            seen.add(e);
        }
        throw new AssertionError("no event: " + what + "; saw " + seen);
    }

    @Test
    void seesRouteAndNexthopChangesAndStopsPromptly() throws Exception {
        NetlinkMonitor monitor = NetlinkMonitor.start(ns.path(), events::add);
        try {
            Route r = via("10.8.0.0/16", 1000, GW1, wan1, 0);
            nl.apply(new Change.AddRoute(r));
            assertEquals(new NetlinkEvent.RouteEvent(NetlinkEvent.Change.NEW, r),
                    await("route added", e -> e instanceof NetlinkEvent.RouteEvent re && re.route().equals(r)));
            nl.apply(new Change.DeleteRoute(r));
            assertEquals(new NetlinkEvent.RouteEvent(NetlinkEvent.Change.DELETED, r),
                    await("route deleted", e -> e instanceof NetlinkEvent.RouteEvent re
                            && re.change() == NetlinkEvent.Change.DELETED && re.route().equals(r)));

            Nexthop nh = new Nexthop.Single(7, Family.INET, GW2, wan2, false, OWNER);
            nl.apply(new Change.AddNexthop(nh));
            assertEquals(new NetlinkEvent.NexthopEvent(NetlinkEvent.Change.NEW, nh),
                    await("nexthop added (group 32)", e -> e instanceof NetlinkEvent.NexthopEvent));

            nl.apply(new Change.SetLinkDown(wan2));
            await("wan2 down", e -> e instanceof NetlinkEvent.LinkEvent l && l.link().name().equals("wan2")
                    && !l.link().adminUp());
        } finally {
            Instant closing = Instant.now();
            monitor.close();
            assertFalse(monitor.isRunning());
            assertTrue(Duration.between(closing, Instant.now()).compareTo(Duration.ofSeconds(1)) < 0,
                    "close() took " + Duration.between(closing, Instant.now()));
        }
    }

    @Test
    void overflowIsReportedSoTheConsumerCanRedump() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (NetlinkMonitor monitor = NetlinkMonitor.start(ns.path(), e -> {
            awaitQuietly(release);
            events.add(e);
        }, 4096)) {
            NetlinkBatch batch = nl.batch();
            for (int i = 0; i < 2000; i++) {
                batch.add(new Change.AddRoute(via("10.9." + (i >> 8) + "." + (i & 0xff) + "/32", 1000, GW1, wan1,
                        0)));
            }
            assertTrue(batch.execute().allSucceeded());
            release.countDown();
            await("overflow", e -> e instanceof NetlinkEvent.Overflow);
            assertTrue(monitor.isRunning(), "the monitor keeps reading after an overflow");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(Await.DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
