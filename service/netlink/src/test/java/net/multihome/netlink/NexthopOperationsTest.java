package net.multihome.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.HashSet;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.GroupType;
import net.multihome.netlink.model.IpPrefix;
import net.multihome.netlink.model.Nexthop;
import net.multihome.netlink.model.ResilientParams;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.RouteScope;
import net.multihome.netlink.model.RouteType;
import org.junit.jupiter.api.Test;

class NexthopOperationsTest extends NetnsTestBase {

    private Nexthop.Single one;
    private Nexthop.Single two;

    private void addSingles() {
        one = new Nexthop.Single(1, Family.INET, GW1, wan1, false, OWNER);
        two = new Nexthop.Single(2, Family.INET, GW2, wan2, false, OWNER);
        nl.apply(new Change.AddNexthop(one));
        nl.apply(new Change.AddNexthop(two));
    }

    @Test
    void hashThresholdGroupWithRouteAndReplace() {
        addSingles();
        Nexthop.Group g = new Nexthop.Group(10,
                List.of(new Nexthop.Member(1, 3), new Nexthop.Member(2, 1)), GroupType.HASH_THRESHOLD, null, OWNER);
        nl.apply(new Change.AddNexthop(g));
        assertEquals(Set.of(one, two, g), new HashSet<>(nl.nexthops()));

        Route r = new Route(Family.INET, IpPrefix.parse("10.5.0.0/16"), 300, RouteType.UNICAST,
                RouteScope.UNIVERSE, OWNER, null, 0, null, 0, List.of(), 10);
        nl.apply(new Change.AddRoute(r));
        assertEquals(List.of(r), nl.routes(Family.INET, 300));

        Nexthop.Group reweighted = new Nexthop.Group(10,
                List.of(new Nexthop.Member(1, 1), new Nexthop.Member(2, 5)), GroupType.HASH_THRESHOLD, null, OWNER);
        nl.apply(new Change.ReplaceNexthop(reweighted));
        assertTrue(nl.nexthops().contains(reweighted));

        nl.apply(new Change.DeleteRoute(r));
        nl.apply(new Change.DeleteNexthop(10));
        assertEquals(Set.of(one, two), new HashSet<>(nl.nexthops()));
    }

    @Test
    void resilientGroupKeepsItsTimers() {
        addSingles();
        Nexthop.Group g = new Nexthop.Group(20, List.of(new Nexthop.Member(1, 2), new Nexthop.Member(2, 2)),
                GroupType.RESILIENT, new ResilientParams(64, 1000, 3000), OWNER);
        nl.apply(new Change.AddNexthop(g));
        assertTrue(nl.nexthops().contains(g), nl.nexthops().toString());
        String shown = ns.ip("nexthop", "show", "id", "20");
        assertTrue(shown.contains("type resilient buckets 64 idle_timer 10 unbalanced_timer 30"), shown);
    }

    @Test
    void routeToAMissingNexthopIsRefusedWithTheKernelsText() {
        Route r = new Route(Family.INET, IpPrefix.parse("10.6.0.0/16"), 300, RouteType.UNICAST,
                RouteScope.UNIVERSE, OWNER, null, 0, null, 0, List.of(), 999);
        NetlinkException e = assertThrows(NetlinkException.class, () -> nl.apply(new Change.AddRoute(r)));
        assertEquals("EINVAL: Nexthop id does not exist", e.getMessage());
    }

    @Test
    void groupOfMissingMembersIsRefused() {
        Nexthop.Group g = new Nexthop.Group(30, List.of(new Nexthop.Member(41, 1)), GroupType.HASH_THRESHOLD,
                null, OWNER);
        NetlinkException e = assertThrows(NetlinkException.class, () -> nl.apply(new Change.AddNexthop(g)));
        assertEquals("EINVAL: Invalid nexthop id", e.getMessage());
    }
}
