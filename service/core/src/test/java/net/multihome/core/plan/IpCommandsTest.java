package net.multihome.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import net.multihome.netlink.Change;
import net.multihome.netlink.model.Address;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.GroupType;
import net.multihome.netlink.model.IpAddresses;
import net.multihome.netlink.model.IpPrefix;
import net.multihome.netlink.model.Nexthop;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.RouteScope;
import net.multihome.netlink.model.RouteType;
import net.multihome.netlink.model.Rule;
import net.multihome.netlink.model.RuleAction;
import org.junit.jupiter.api.Test;

/** Every kind of change in {@code ip} syntax, with the verb of the request actually sent. */
class IpCommandsTest {

    private static final IpCommands IP = new IpCommands(i -> "if" + i, Map.of(101L, "T1"));
    private static final Route ROUTE = new Route(Family.INET, IpPrefix.parse("0.0.0.0/0"), 101, RouteType.UNICAST,
            RouteScope.UNIVERSE, 186, IpAddresses.parse("203.0.113.1"), 3, null, 0, List.of(), 0);
    private static final Route ROUTE6 = new Route(Family.INET6, IpPrefix.parse("2001:db8::/64"), 254,
            RouteType.UNICAST, RouteScope.LINK, 186, null, 3, null, 0, List.of(), 0);
    private static final Rule RULE = new Rule(Family.INET, 1000, IpPrefix.parse("203.0.113.2/32"), null, null, null,
            0, 0, 0, null, null, 101, RuleAction.TO_TABLE, 186);
    private static final Nexthop SINGLE = new Nexthop.Single(1, Family.INET, IpAddresses.parse("203.0.113.1"), 3,
            false, 186);
    private static final Nexthop GROUP = new Nexthop.Group(3, List.of(new Nexthop.Member(1, 5),
            new Nexthop.Member(2, 1)), GroupType.HASH_THRESHOLD, null, 186);
    private static final Address ADDRESS = new Address(3, IpAddresses.parse("203.0.113.2"), 26, RouteScope.UNIVERSE);

    @Test
    void everyKindOfChange() {
        Map<Change, String> expected = Map.ofEntries(
                Map.entry(new Change.AddRoute(ROUTE), "ip route add default via 203.0.113.1 dev if3 table T1"),
                Map.entry(new Change.ReplaceRoute(ROUTE), "ip route replace default via 203.0.113.1 dev if3 table T1"),
                Map.entry(new Change.DeleteRoute(ROUTE6), "ip -6 route del 2001:db8::/64 dev if3"),
                Map.entry(new Change.AddRule(RULE), "ip rule add priority 1000 from 203.0.113.2 lookup T1"),
                Map.entry(new Change.DeleteRule(RULE), "ip rule del priority 1000 from 203.0.113.2 lookup T1"),
                Map.entry(new Change.AddNexthop(SINGLE), "ip nexthop add id 1 via 203.0.113.1 dev if3"),
                Map.entry(new Change.ReplaceNexthop(GROUP), "ip nexthop replace id 3 group 1,5/2,1 type mpath"),
                Map.entry(new Change.DeleteNexthop(-2), "ip nexthop del id 4294967294"),
                Map.entry(new Change.AddAddress(ADDRESS), "ip address add 203.0.113.2/26 dev if3"),
                Map.entry(new Change.DeleteAddress(ADDRESS), "ip address del 203.0.113.2/26 dev if3"),
                Map.entry(new Change.SetLinkUp(3), "ip link set dev if3 up"),
                Map.entry(new Change.SetLinkDown(3), "ip link set dev if3 down"));
        expected.forEach((change, line) -> assertEquals(line, IP.change(change), change::toString));
        assertEquals(Change.class.getPermittedSubclasses().length, expected.size(), "every kind is covered");
    }

    @Test
    void objectsReadAsTheCommandsThatCreateThem() {
        assertEquals(IP.change(new Change.AddRoute(ROUTE)), IP.route(ROUTE));
        assertEquals(IP.change(new Change.AddRule(RULE)), IP.rule(RULE));
        assertEquals(IP.change(new Change.AddNexthop(GROUP)), IP.nexthop(GROUP));
    }
}
