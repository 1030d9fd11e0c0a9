package net.multihome.netlink;

import static net.multihome.netlink.codec.NetlinkFlags.NEW_EXCLUSIVE;
import static net.multihome.netlink.codec.NetlinkFlags.NEW_REPLACE;
import static net.multihome.netlink.codec.NetlinkFlags.REQUEST;

import net.multihome.netlink.codec.AddressCodec;
import net.multihome.netlink.codec.LinkCodec;
import net.multihome.netlink.codec.NexthopCodec;
import net.multihome.netlink.codec.RouteCodec;
import net.multihome.netlink.codec.RuleCodec;
import net.multihome.netlink.model.Address;
import net.multihome.netlink.model.Nexthop;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.Rule;

/** The change requests shared by {@link NetlinkHandle} and {@link NetlinkBatch}. */
final class Requests {

    private Requests() {
    }

    static Request routeAdd(Route r) {
        return new Request("route add", r, NEW_EXCLUSIVE, (w, f, s) -> RouteCodec.encodeNew(w, r, f, s));
    }

    static Request routeReplace(Route r) {
        return new Request("route replace", r, NEW_REPLACE, (w, f, s) -> RouteCodec.encodeNew(w, r, f, s));
    }

    static Request routeDelete(Route r) {
        return new Request("route del", r, REQUEST, (w, f, s) -> RouteCodec.encodeDelete(w, r, f, s));
    }

    static Request ruleAdd(Rule r) {
        return new Request("rule add", r, NEW_EXCLUSIVE, (w, f, s) -> RuleCodec.encodeNew(w, r, f, s));
    }

    static Request ruleDelete(Rule r) {
        return new Request("rule del", r, REQUEST, (w, f, s) -> RuleCodec.encodeDelete(w, r, f, s));
    }

    static Request nexthopAdd(Nexthop nh) {
        return new Request("nexthop add", nh, NEW_EXCLUSIVE, (w, f, s) -> NexthopCodec.encodeNew(w, nh, f, s));
    }

    static Request nexthopReplace(Nexthop nh) {
        return new Request("nexthop replace", nh, NEW_REPLACE, (w, f, s) -> NexthopCodec.encodeNew(w, nh, f, s));
    }

    static Request nexthopDelete(int id) {
        return new Request("nexthop del id", Integer.toUnsignedString(id), REQUEST,
                (w, f, s) -> NexthopCodec.encodeDelete(w, id, f, s));
    }

    static Request addressAdd(Address a) {
        return new Request("address add", a, NEW_EXCLUSIVE, (w, f, s) -> AddressCodec.encodeNew(w, a, f, s));
    }

    static Request addressDelete(Address a) {
        return new Request("address del", a, REQUEST, (w, f, s) -> AddressCodec.encodeDelete(w, a, f, s));
    }

    static Request linkAdminState(int ifindex, boolean up) {
        return new Request("link set " + (up ? "up" : "down") + " ifindex", ifindex, REQUEST,
                (w, f, s) -> LinkCodec.encodeSetAdminState(w, ifindex, up, f, s));
    }
}
