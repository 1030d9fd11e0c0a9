package net.multihome.netlink.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import net.multihome.netlink.model.Address;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.GroupType;
import net.multihome.netlink.model.IpAddresses;
import net.multihome.netlink.model.IpPrefix;
import net.multihome.netlink.model.Nexthop;
import net.multihome.netlink.model.PortRange;
import net.multihome.netlink.model.ResilientParams;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.RoutePath;
import net.multihome.netlink.model.RouteScope;
import net.multihome.netlink.model.RouteType;
import net.multihome.netlink.model.Rule;
import net.multihome.netlink.model.RuleAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the encoder writes, the decoder reads back as the same value. */
class RoundTripTest {

    private final MessageWriter w = new MessageWriter(4096);

    static List<Route> routes() {
        var gw4 = IpAddresses.parse("192.0.2.1");
        var gw6 = IpAddresses.parse("2001:db8::1");
        return List.of(
                new Route(Family.INET, IpPrefix.parse("10.1.0.0/16"), 1000, RouteType.UNICAST, RouteScope.UNIVERSE,
                        186, gw4, 3, IpAddresses.parse("192.0.2.2"), 10, List.of(), 0),
                new Route(Family.INET, IpPrefix.parse("0.0.0.0/0"), 254, RouteType.UNICAST, RouteScope.UNIVERSE,
                        186, gw4, 3, null, 0, List.of(), 0),
                new Route(Family.INET, IpPrefix.parse("10.0.0.0/8"), 4_000_000_000L, RouteType.UNICAST,
                        RouteScope.UNIVERSE, 186, null, 0, null, 5,
                        List.of(new RoutePath(gw4, 3, 256), new RoutePath(IpAddresses.parse("198.51.100.1"), 5, 1)),
                        0),
                new Route(Family.INET, IpPrefix.parse("10.5.0.0/16"), 300, RouteType.UNICAST, RouteScope.UNIVERSE,
                        186, null, 0, null, 0, List.of(), 77),
                new Route(Family.INET, IpPrefix.parse("10.66.0.0/16"), 1000, RouteType.UNREACHABLE,
                        RouteScope.UNIVERSE, 186, null, 0, null, 0, List.of(), 0),
                new Route(Family.INET, IpPrefix.parse("192.0.2.0/24"), 100, RouteType.UNICAST, RouteScope.LINK,
                        186, null, 3, null, 0, List.of(), 0),
                new Route(Family.INET6, IpPrefix.parse("2001:db8:1::/48"), 1000, RouteType.UNICAST,
                        RouteScope.UNIVERSE, 186, null, 0, null, 1024,
                        List.of(new RoutePath(gw6, 3, 2), new RoutePath(IpAddresses.parse("2001:db8::2"), 5, 1)),
                        0),
                new Route(Family.INET6, IpPrefix.parse("::/0"), 1000, RouteType.BLACKHOLE, RouteScope.UNIVERSE,
                        186, null, 0, null, 1024, List.of(), 0));
    }

    @ParameterizedTest
    @MethodSource("routes")
    void route(Route r) {
        RouteCodec.encodeNew(w, r, NetlinkFlags.NEW_EXCLUSIVE, 1);
        assertEquals(r, RouteCodec.decode(Wire.single(w)));
    }

    static List<Rule> rules() {
        return List.of(
                new Rule(Family.INET, 100, IpPrefix.parse("10.1.0.0/16"), IpPrefix.parse("198.51.100.0/24"),
                        "lan0", null, 0x10, 0xff, 6, new PortRange(1000, 2000), PortRange.single(443), 1000,
                        RuleAction.TO_TABLE, 186),
                new Rule(Family.INET, 32000, null, null, null, "wan1", 0, 0, 17, null, null, 100,
                        RuleAction.TO_TABLE, 186),
                new Rule(Family.INET6, 200, IpPrefix.parse("2001:db8::/32"), null, null, null, 7, 0, 0, null, null,
                        0, RuleAction.BLACKHOLE, 186));
    }

    @ParameterizedTest
    @MethodSource("rules")
    void rule(Rule r) {
        RuleCodec.encodeNew(w, r, NetlinkFlags.NEW_EXCLUSIVE, 1);
        assertEquals(r, RuleCodec.decode(Wire.single(w)));
    }

    static List<Nexthop> nexthops() {
        var members = List.of(new Nexthop.Member(1, 256), new Nexthop.Member(2, 1), new Nexthop.Member(3, 7));
        return List.of(
                new Nexthop.Single(1, Family.INET, IpAddresses.parse("192.0.2.1"), 3, false, 186),
                new Nexthop.Single(2, Family.INET6, IpAddresses.parse("fe80::1"), 5, false, 186),
                new Nexthop.Single(3, Family.INET, null, 0, true, 186),
                new Nexthop.Single(-2, Family.INET, null, 4, false, 186),
                new Nexthop.Group(10, members, GroupType.HASH_THRESHOLD, null, 186),
                new Nexthop.Group(11, members, GroupType.RESILIENT, new ResilientParams(128, 12000, 3000), 186));
    }

    @ParameterizedTest
    @MethodSource("nexthops")
    void nexthop(Nexthop nh) {
        NexthopCodec.encodeNew(w, nh, NetlinkFlags.NEW_EXCLUSIVE, 1);
        assertEquals(nh, NexthopCodec.decode(Wire.single(w)));
    }

    @Test
    void address() {
        Address a = new Address(3, IpAddresses.parse("2001:db8::5"), 64, RouteScope.UNIVERSE);
        AddressCodec.encodeNew(w, a, NetlinkFlags.NEW_EXCLUSIVE, 1);
        assertEquals(a, AddressCodec.decode(Wire.single(w)));
    }

    @Test
    void routeOfAnotherFamilyIsSkipped() {
        // an AF_MPLS (28) route: the model has no place for it
        var mpls = Wire.bytes(Wire.message(RtnlTypes.RTM_NEWROUTE, 0, 1, "1c140000fe03000100000000"));
        assertNull(RouteCodec.decode(NetlinkMessage.split(mpls).getFirst()));
    }
}
