package net.multihome.netlink;

import static net.multihome.netlink.codec.NetlinkFlags.NEW_EXCLUSIVE;
import static net.multihome.netlink.codec.NetlinkFlags.NEW_REPLACE;
import static net.multihome.netlink.codec.NetlinkFlags.REQUEST;
import static net.multihome.netlink.codec.RtnlTypes.RTM_DELADDR;
import static net.multihome.netlink.codec.RtnlTypes.RTM_DELNEXTHOP;
import static net.multihome.netlink.codec.RtnlTypes.RTM_DELROUTE;
import static net.multihome.netlink.codec.RtnlTypes.RTM_DELRULE;
import static net.multihome.netlink.codec.RtnlTypes.RTM_NEWADDR;
import static net.multihome.netlink.codec.RtnlTypes.RTM_NEWLINK;
import static net.multihome.netlink.codec.RtnlTypes.RTM_NEWNEXTHOP;
import static net.multihome.netlink.codec.RtnlTypes.RTM_NEWROUTE;
import static net.multihome.netlink.codec.RtnlTypes.RTM_NEWRULE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.multihome.netlink.channel.Request;
import net.multihome.netlink.codec.AddressCodec;
import net.multihome.netlink.codec.LinkCodec;
import net.multihome.netlink.codec.MessageWriter;
import net.multihome.netlink.codec.NetlinkMessage;
import net.multihome.netlink.codec.NexthopCodec;
import net.multihome.netlink.codec.RouteCodec;
import net.multihome.netlink.codec.RuleCodec;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of {@link Change} becomes the netlink message and {@code ip} wording it stands for. */
class RequestsTest {

    private static final int SEQ = 42;
    private static final Route ROUTE = new Route(Family.INET, IpPrefix.parse("10.1.0.0/16"), 101, RouteType.UNICAST,
            RouteScope.UNIVERSE, 186, IpAddresses.parse("192.0.2.1"), 3, null, 0, List.of(), 0);
    private static final Rule RULE = new Rule(Family.INET6, 100, IpPrefix.parse("2001:db8::/32"), null, null, null,
            0, 0, 0, null, null, 101, RuleAction.TO_TABLE, 186);
    private static final Nexthop SINGLE = new Nexthop.Single(7, Family.INET, IpAddresses.parse("192.0.2.1"), 3,
            false, 186);
    private static final Nexthop GROUP = new Nexthop.Group(9, List.of(new Nexthop.Member(7, 5),
            new Nexthop.Member(8, 1)), GroupType.HASH_THRESHOLD, null, 186);
    private static final Address ADDRESS = new Address(3, IpAddresses.parse("192.0.2.2"), 24, RouteScope.UNIVERSE);

    /**
     * @param codec the codec call that writes this change's message by hand
     */
    record Expected(Change change, int type, int flags, String command, Request.Encoder codec) {

        @Override
        public String toString() {
            return command + " " + change;
        }
    }

    static List<Expected> expectations() {
        return List.of(
                new Expected(new Change.AddRoute(ROUTE), RTM_NEWROUTE, NEW_EXCLUSIVE, "route add",
                        (w, f, s) -> RouteCodec.encodeNew(w, ROUTE, f, s)),
                new Expected(new Change.ReplaceRoute(ROUTE), RTM_NEWROUTE, NEW_REPLACE, "route replace",
                        (w, f, s) -> RouteCodec.encodeNew(w, ROUTE, f, s)),
                new Expected(new Change.DeleteRoute(ROUTE), RTM_DELROUTE, REQUEST, "route del",
                        (w, f, s) -> RouteCodec.encodeDelete(w, ROUTE, f, s)),
                new Expected(new Change.AddRule(RULE), RTM_NEWRULE, NEW_EXCLUSIVE, "rule add",
                        (w, f, s) -> RuleCodec.encodeNew(w, RULE, f, s)),
                new Expected(new Change.DeleteRule(RULE), RTM_DELRULE, REQUEST, "rule del",
                        (w, f, s) -> RuleCodec.encodeDelete(w, RULE, f, s)),
                new Expected(new Change.AddNexthop(SINGLE), RTM_NEWNEXTHOP, NEW_EXCLUSIVE, "nexthop add",
                        (w, f, s) -> NexthopCodec.encodeNew(w, SINGLE, f, s)),
                new Expected(new Change.ReplaceNexthop(GROUP), RTM_NEWNEXTHOP, NEW_REPLACE, "nexthop replace",
                        (w, f, s) -> NexthopCodec.encodeNew(w, GROUP, f, s)),
                new Expected(new Change.DeleteNexthop(9), RTM_DELNEXTHOP, REQUEST, "nexthop del",
                        (w, f, s) -> NexthopCodec.encodeDelete(w, 9, f, s)),
                new Expected(new Change.AddAddress(ADDRESS), RTM_NEWADDR, NEW_EXCLUSIVE, "address add",
                        (w, f, s) -> AddressCodec.encodeNew(w, ADDRESS, f, s)),
                new Expected(new Change.DeleteAddress(ADDRESS), RTM_DELADDR, REQUEST, "address del",
                        (w, f, s) -> AddressCodec.encodeDelete(w, ADDRESS, f, s)),
                new Expected(new Change.SetLinkUp(3), RTM_NEWLINK, REQUEST, "link set",
                        (w, f, s) -> LinkCodec.encodeSetAdminState(w, 3, true, f, s)),
                new Expected(new Change.SetLinkDown(3), RTM_NEWLINK, REQUEST, "link set",
                        (w, f, s) -> LinkCodec.encodeSetAdminState(w, 3, false, f, s)));
    }

    @ParameterizedTest
    @MethodSource("expectations")
    void changeBecomesItsRequest(Expected expected) {
        MessageWriter w = new MessageWriter(4096);
        Requests.of(expected.change()).encode(w, 0, SEQ);
        NetlinkMessage m = single(w);
        assertEquals(expected.type(), m.type());
        assertEquals(expected.flags(), m.flags());
        assertEquals(SEQ, m.seq());
        assertEquals(expected.command(), expected.change().command());
        MessageWriter byHand = new MessageWriter(4096);
        expected.codec().encode(byHand, expected.flags(), SEQ);
        assertEquals(single(byHand).body(), m.body());
    }

    @Test
    void newObjectsReadBackAsTheObjectsAsked() {
        assertEquals(ROUTE, RouteCodec.decode(encoded(new Change.ReplaceRoute(ROUTE))));
        assertEquals(RULE, RuleCodec.decode(encoded(new Change.AddRule(RULE))));
        assertEquals(GROUP, NexthopCodec.decode(encoded(new Change.ReplaceNexthop(GROUP))));
        assertEquals(ADDRESS, AddressCodec.decode(encoded(new Change.AddAddress(ADDRESS))));
    }

    @Test
    void linkDownClearsOnlyTheUpFlag() {
        MessageWriter w = new MessageWriter(256);
        Requests.of(new Change.SetLinkDown(3)).encode(w, 0, SEQ);
        ByteBuffer body = single(w).body();
        assertEquals(List.of(3, 0, 1), List.of(body.getInt(4), body.getInt(8), body.getInt(12)));
    }

    @Test
    void everyKindOfChangeIsExpected() {
        Set<Class<?>> kinds = Arrays.stream(Change.class.getPermittedSubclasses()).collect(Collectors.toSet());
        assertEquals(kinds, expectations().stream().map(e -> e.change().getClass()).collect(Collectors.toSet()));
    }

    @Test
    void refusalsNameTheRequestTheyAnswer() {
        assertEquals("nexthop del id 4294967295", Requests.of(new Change.DeleteNexthop(-1)).describe());
        assertEquals("link set ifindex 3 down", Requests.of(new Change.SetLinkDown(3)).describe());
    }

    private static NetlinkMessage encoded(Change change) {
        MessageWriter w = new MessageWriter(4096);
        Requests.of(change).encode(w, 0, SEQ);
        return single(w);
    }

    private static NetlinkMessage single(MessageWriter w) {
        ByteBuffer copy = ByteBuffer.allocate(w.position()).order(ByteOrder.nativeOrder());
        copy.put(0, w.buffer(), 0, w.position());
        List<NetlinkMessage> all = NetlinkMessage.split(copy);
        assertEquals(1, all.size());
        return all.getFirst();
    }
}
