package net.multihome.core.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.multihome.netlink.model.Link;
import net.multihome.netlink.model.LinkStats;
import net.multihome.netlink.model.OperState;
import org.junit.jupiter.api.Test;

class LinkCountersTest {

    private static Link if1(boolean carrier, long txBytes) {
        return new Link(2, "if1", true, carrier, carrier ? OperState.UP : OperState.DOWN, 1500, null, "veth",
                new LinkStats(1, txBytes / 100, 100, txBytes, 0, 0, 0, 0));
    }

    @Test
    void newerCountersReplaceOlderOnes() {
        assertEquals(List.of(if1(true, 5000)),
                LinkCounters.advance(List.of(if1(true, 1000)), List.of(if1(true, 5000))));
    }

    @Test
    void anOlderReadKeepsTheCountersAlreadySeenButTakesItsState() {
        List<Link> merged = LinkCounters.advance(List.of(if1(true, 5000)), List.of(if1(false, 1000)));
        assertEquals(1, merged.size());
        assertEquals(5000, merged.getFirst().stats().txBytes());
        assertEquals(false, merged.getFirst().carrier());
    }

    @Test
    void theNewestReadDecidesWhichInterfacesExist() {
        Link eth0 = new Link(1, "eth0", true, true, OperState.UP, 1500, null, null, LinkStats.ZERO);
        assertEquals(List.of(eth0), LinkCounters.advance(List.of(eth0, if1(true, 1000)), List.of(eth0)));
    }
}
