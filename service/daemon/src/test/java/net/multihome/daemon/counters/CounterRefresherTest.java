package net.multihome.daemon.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import net.multihome.netlink.NetlinkException;
import net.multihome.netlink.model.Link;
import net.multihome.netlink.model.LinkStats;
import net.multihome.netlink.model.OperState;
import net.multihome.testkit.ManualScheduler;
import org.junit.jupiter.api.Test;

class CounterRefresherTest {

    private final ManualScheduler clock = new ManualScheduler(Instant.parse("2026-12-04T00:00:00Z"));
    private final AtomicLong txBytes = new AtomicLong();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final List<List<Link>> published = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private List<Link> read() {
        if (failing.get()) {
            throw new NetlinkException(105, null, "link show");
        }
        return List.of(new Link(2, "if1", true, true, OperState.UP, 1500, null, "veth",
                new LinkStats(0, 0, 0, txBytes.get(), 0, 0, 0, 0)));
    }

    @Test
    void readsEveryPeriodAndSkipsAFailedRead() {
        CounterRefresher refresher = new CounterRefresher(this::read, published::add, clock, Duration.ofSeconds(1),
                () -> closed.set(true));
        clock.advance(Duration.ofMillis(999));
        assertEquals(0, published.size(), "nothing before the first period");
        txBytes.set(1000);
        clock.advance(Duration.ofMillis(1));
        assertEquals(1000, published.getLast().getFirst().stats().txBytes());
        failing.set(true);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, published.size(), "a failed read publishes nothing");
        failing.set(false);
        txBytes.set(5000);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(5000, published.getLast().getFirst().stats().txBytes(), "reads go on after a failure");
        refresher.close();
        assertEquals(true, closed.get(), "the netlink socket is closed");
        clock.advance(Duration.ofSeconds(5));
        assertEquals(2, published.size(), "no read after close");
    }
}
