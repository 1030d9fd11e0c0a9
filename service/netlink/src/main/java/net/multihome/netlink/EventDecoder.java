package net.multihome.netlink;

import static net.multihome.netlink.codec.RtnlTypes.RTM_DELADDR;
import static net.multihome.netlink.codec.RtnlTypes.RTM_DELLINK;
import static net.multihome.netlink.codec.RtnlTypes.RTM_DELNEXTHOP;
import static net.multihome.netlink.codec.RtnlTypes.RTM_DELROUTE;
import static net.multihome.netlink.codec.RtnlTypes.RTM_DELRULE;
import static net.multihome.netlink.codec.RtnlTypes.RTM_NEWADDR;
import static net.multihome.netlink.codec.RtnlTypes.RTM_NEWLINK;
import static net.multihome.netlink.codec.RtnlTypes.RTM_NEWNEXTHOP;
import static net.multihome.netlink.codec.RtnlTypes.RTM_NEWROUTE;
import static net.multihome.netlink.codec.RtnlTypes.RTM_NEWRULE;

import java.util.function.Function;
import net.multihome.netlink.NetlinkEvent.Change;
import net.multihome.netlink.codec.AddressCodec;
import net.multihome.netlink.codec.LinkCodec;
import net.multihome.netlink.codec.MalformedMessageException;
import net.multihome.netlink.codec.NetlinkMessage;
import net.multihome.netlink.codec.NexthopCodec;
import net.multihome.netlink.codec.RouteCodec;
import net.multihome.netlink.codec.RuleCodec;

/** Turns one multicast message into a {@link NetlinkEvent}; null for message types not subscribed to. */
final class EventDecoder {

    private EventDecoder() {
    }

    static NetlinkEvent decode(NetlinkMessage m) {
        int type = m.type();
        try {
            return switch (type) {
                case RTM_NEWLINK, RTM_DELLINK -> event(m, LinkCodec::decode,
                        l -> new NetlinkEvent.LinkEvent(change(type, RTM_DELLINK), l));
                case RTM_NEWADDR, RTM_DELADDR -> event(m, AddressCodec::decode,
                        a -> new NetlinkEvent.AddressEvent(change(type, RTM_DELADDR), a));
                case RTM_NEWROUTE, RTM_DELROUTE -> event(m, RouteCodec::decode,
                        r -> new NetlinkEvent.RouteEvent(change(type, RTM_DELROUTE), r));
                case RTM_NEWRULE, RTM_DELRULE -> event(m, RuleCodec::decode,
                        r -> new NetlinkEvent.RuleEvent(change(type, RTM_DELRULE), r));
                case RTM_NEWNEXTHOP, RTM_DELNEXTHOP -> event(m, NexthopCodec::decode,
                        n -> new NetlinkEvent.NexthopEvent(change(type, RTM_DELNEXTHOP), n));
                default -> null;
            };
        } catch (MalformedMessageException | IllegalArgumentException e) {
            return new NetlinkEvent.Undecoded(type);
        }
    }

    private static <T> NetlinkEvent event(NetlinkMessage m, Function<NetlinkMessage, T> decoder,
            Function<T, NetlinkEvent> wrap) {
        T value = decoder.apply(m);
        return value == null ? new NetlinkEvent.Undecoded(m.type()) : wrap.apply(value);
    }

    private static Change change(int type, int deleteType) {
        return type == deleteType ? Change.DELETED : Change.NEW;
    }
}
