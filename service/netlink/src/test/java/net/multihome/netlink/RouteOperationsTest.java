package net.multihome.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.IpAddresses;
import net.multihome.netlink.model.IpPrefix;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.RoutePath;
import net.multihome.netlink.model.RouteScope;
import net.multihome.netlink.model.RouteType;
import org.junit.jupiter.api.Test;

class RouteOperationsTest extends NetnsTestBase {

    @Test
    void addReplaceDeleteInTable1000() {
        Route r = via("10.1.0.0/16", 1000, GW1, wan1, 10);
        nl.apply(new Change.AddRoute(r));
        assertEquals(List.of(r), nl.routes(Family.INET, 1000));
        String shown = ns.ip("route", "show", "table", "1000");
        assertTrue(shown.contains("10.1.0.0/16 via 192.0.2.1 dev wan1 proto 250 metric 10"), shown);

        Route moved = via("10.1.0.0/16", 1000, GW2, wan2, 10);
        nl.apply(new Change.ReplaceRoute(moved));
        assertEquals(List.of(moved), nl.routes(Family.INET, 1000));

        nl.apply(new Change.DeleteRoute(moved));
        assertEquals(List.of(), nl.routes(Family.INET, 1000));
    }

    @Test
    void dumpIsFilteredByTableInTheKernel() {
        Route small = via("10.2.0.0/16", 100, GW1, wan1, 0);
        Route big = via("10.3.0.0/16", 70000, GW2, wan2, 0);
        nl.apply(new Change.AddRoute(small));
        nl.apply(new Change.AddRoute(big));
        assertEquals(List.of(small), nl.routes(Family.INET, 100));
        assertEquals(List.of(big), nl.routes(Family.INET, 70000));
        List<Route> all = nl.routes(Family.INET, 0);
        assertTrue(all.contains(small) && all.contains(big), "table 0 dumps every table");
        assertTrue(all.stream().anyMatch(r -> r.table() == 255), "local table included");
    }

    @Test
    void dumpOfATableThatDoesNotExistIsEmpty() {
        assertEquals(List.of(), nl.routes(Family.INET, 4242));
        assertEquals(List.of(), nl.routes(Family.INET6, 4242));
    }

    @Test
    void weightedMultipathRoundTrips() {
        Route mp = new Route(Family.INET, IpPrefix.parse("10.0.0.0/8"), 1000, RouteType.UNICAST,
                RouteScope.UNIVERSE, OWNER, null, 0, null, 5,
                List.of(new RoutePath(GW1, wan1, 3), new RoutePath(GW2, wan2, 1)), 0);
        nl.apply(new Change.AddRoute(mp));
        assertEquals(List.of(mp), nl.routes(Family.INET, 1000));
        String shown = ns.ip("route", "show", "table", "1000");
        assertTrue(shown.contains("nexthop via 192.0.2.1 dev wan1 weight 3"), shown);
        assertTrue(shown.contains("nexthop via 198.51.100.1 dev wan2 weight 1"), shown);
        nl.apply(new Change.DeleteRoute(mp));
        assertEquals(List.of(), nl.routes(Family.INET, 1000));
    }

    @Test
    void ipv6MultipathSinglePathAndBlackhole() {
        InetAddress ll1 = IpAddresses.parse("fe80::1");
        InetAddress ll2 = IpAddresses.parse("fe80::2");
        Route mp = new Route(Family.INET6, IpPrefix.parse("2001:db8:1::/48"), 1000, RouteType.UNICAST,
                RouteScope.UNIVERSE, OWNER, null, 0, null, 1024,
                List.of(new RoutePath(ll1, wan1, 2), new RoutePath(ll2, wan2, 1)), 0);
        Route single = new Route(Family.INET6, IpPrefix.parse("::/0"), 1000, RouteType.UNICAST,
                RouteScope.UNIVERSE, OWNER, ll1, wan1, null, 1024, List.of(), 0);
        Route bh = new Route(Family.INET6, IpPrefix.parse("2001:db8:2::/48"), 1000, RouteType.BLACKHOLE,
                RouteScope.UNIVERSE, OWNER, null, 0, null, 1024, List.of(), 0);
        BatchResult added = nl.batch().add(new Change.AddRoute(mp)).add(new Change.AddRoute(single))
                .add(new Change.AddRoute(bh)).execute();
        assertTrue(added.allSucceeded(), added::toString);
        List<Route> dumped = nl.routes(Family.INET6, 1000);
        assertTrue(dumped.contains(mp), dumped.toString());
        assertTrue(dumped.contains(single), dumped.toString());
        // the kernel reports IPv6 blackholes on lo
        assertTrue(dumped.stream().anyMatch(r -> r.type() == RouteType.BLACKHOLE
                && r.destination().equals(bh.destination())), dumped.toString());
        assertEquals(List.of(), nl.routes(Family.INET, 1000), "the IPv4 dump of the table is empty");

        assertTrue(nl.batch().add(new Change.DeleteRoute(mp)).add(new Change.DeleteRoute(single))
                .add(new Change.DeleteRoute(bh)).execute().allSucceeded());
        assertEquals(List.of(), nl.routes(Family.INET6, 1000));
    }

    @Test
    void blackholeAndUnreachableRoutes() {
        Route bh = new Route(Family.INET, IpPrefix.parse("10.66.0.0/16"), 1000, RouteType.BLACKHOLE,
                RouteScope.UNIVERSE, OWNER, null, 0, null, 0, List.of(), 0);
        Route un = new Route(Family.INET, IpPrefix.parse("0.0.0.0/0"), 1000, RouteType.UNREACHABLE,
                RouteScope.UNIVERSE, OWNER, null, 0, null, 4000, List.of(), 0);
        nl.apply(new Change.AddRoute(bh));
        nl.apply(new Change.AddRoute(un));
        List<Route> dumped = nl.routes(Family.INET, 1000);
        assertEquals(2, dumped.size());
        assertTrue(dumped.containsAll(List.of(bh, un)), dumped.toString());
    }

    @Test
    void addingAnExistingRouteFailsWithEexist() {
        Route r = via("10.4.0.0/16", 1000, GW1, wan1, 0);
        nl.apply(new Change.AddRoute(r));
        NetlinkException e = assertThrows(NetlinkException.class, () -> nl.apply(new Change.AddRoute(r)));
        assertEquals(17, e.errno());
        assertEquals("EEXIST", e.errnoName());
        assertTrue(e.getMessage().startsWith("EEXIST: "), e.getMessage());
    }

    @Test
    void unreachableGatewayIsRefusedWithTheKernelsText() {
        Route r = via("10.5.0.0/16", 1000, GW2, wan1, 0);
        NetlinkException e = assertThrows(NetlinkException.class, () -> nl.apply(new Change.AddRoute(r)));
        assertEquals("ENETUNREACH: Nexthop has invalid gateway", e.getMessage());
        assertTrue(e.extendedAck().isPresent());
    }

    @Test
    void deletingAMissingRouteFailsWithEsrch() {
        NetlinkException e = assertThrows(NetlinkException.class,
                () -> nl.apply(new Change.DeleteRoute(via("10.9.0.0/16", 1000, GW1, wan1, 0))));
        assertEquals("ESRCH", e.errnoName());
    }
}
