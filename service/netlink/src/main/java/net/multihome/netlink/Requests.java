package net.multihome.netlink;

import static net.multihome.netlink.codec.NetlinkFlags.NEW_EXCLUSIVE;
import static net.multihome.netlink.codec.NetlinkFlags.NEW_REPLACE;
import static net.multihome.netlink.codec.NetlinkFlags.REQUEST;

import net.multihome.netlink.channel.Request;
import net.multihome.netlink.codec.AddressCodec;
import net.multihome.netlink.codec.LinkCodec;
import net.multihome.netlink.codec.NexthopCodec;
import net.multihome.netlink.codec.RouteCodec;
import net.multihome.netlink.codec.RuleCodec;

/** The one place a {@link Change} becomes a netlink request and gets its {@code ip} wording. */
final class Requests {

    private Requests() {
    }

    static Request of(Change change) {
        return switch (change) {
            case Change.AddRoute(var r) ->
                new Request("route add", r, NEW_EXCLUSIVE, (w, f, s) -> RouteCodec.encodeNew(w, r, f, s));
            case Change.ReplaceRoute(var r) ->
                new Request("route replace", r, NEW_REPLACE, (w, f, s) -> RouteCodec.encodeNew(w, r, f, s));
            case Change.DeleteRoute(var r) ->
                new Request("route del", r, REQUEST, (w, f, s) -> RouteCodec.encodeDelete(w, r, f, s));
            case Change.AddRule(var r) ->
                new Request("rule add", r, NEW_EXCLUSIVE, (w, f, s) -> RuleCodec.encodeNew(w, r, f, s));
            case Change.DeleteRule(var r) ->
                new Request("rule del", r, REQUEST, (w, f, s) -> RuleCodec.encodeDelete(w, r, f, s));
            case Change.AddNexthop(var n) ->
                new Request("nexthop add", n, NEW_EXCLUSIVE, (w, f, s) -> NexthopCodec.encodeNew(w, n, f, s));
            case Change.ReplaceNexthop(var n) ->
                new Request("nexthop replace", n, NEW_REPLACE, (w, f, s) -> NexthopCodec.encodeNew(w, n, f, s));
            case Change.DeleteNexthop(var id) -> new Request("nexthop del", "id " + Integer.toUnsignedString(id),
                    REQUEST, (w, f, s) -> NexthopCodec.encodeDelete(w, id, f, s));
            case Change.AddAddress(var a) ->
                new Request("address add", a, NEW_EXCLUSIVE, (w, f, s) -> AddressCodec.encodeNew(w, a, f, s));
            case Change.DeleteAddress(var a) ->
                new Request("address del", a, REQUEST, (w, f, s) -> AddressCodec.encodeDelete(w, a, f, s));
            case Change.SetLinkUp(var i) -> new Request("link set", "ifindex " + i + " up", REQUEST,
                    (w, f, s) -> LinkCodec.encodeSetAdminState(w, i, true, f, s));
            case Change.SetLinkDown(var i) -> new Request("link set", "ifindex " + i + " down", REQUEST,
                    (w, f, s) -> LinkCodec.encodeSetAdminState(w, i, false, f, s));
        };
    }
}
