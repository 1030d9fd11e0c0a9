package net.multihome.netlink.codec;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.IpPrefix;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.RoutePath;
import net.multihome.netlink.model.RouteScope;
import net.multihome.netlink.model.RouteType;

/**
 * {@code rtmsg} + {@code RTA_*} for routes. Attribute order follows iproute2 so that the
 * bytes of a request equal what {@code ip route add} sends for the same route.
 */
public final class RouteCodec {

    private static final int RTMSG_SIZE = 12;
    private static final int RTA_DST = 1;
    private static final int RTA_OIF = 4;
    private static final int RTA_GATEWAY = 5;
    private static final int RTA_PRIORITY = 6;
    private static final int RTA_PREFSRC = 7;
    private static final int RTA_MULTIPATH = 9;
    private static final int RTA_TABLE = 15;
    private static final int RTA_NH_ID = 30;
    private static final int RTNH_SIZE = 8;
    private static final int RT_TABLE_UNSPEC = 0;
    private static final int MAX_HEADER_TABLE = 255;

    private RouteCodec() {
    }

    /** {@code RTM_NEWROUTE} carrying the whole route; {@code flags} decide add or replace. */
    public static void encodeNew(MessageWriter w, Route r, int flags, int seq) {
        w.begin(RtnlTypes.RTM_NEWROUTE, flags, seq);
        rtmsg(w, r.family(), r.destination().length(), r.table(), r.protocol(), r.scope().code(), r.type().code());
        destination(w, r.destination());
        if (r.prefsrc() != null) {
            w.attrAddress(RTA_PREFSRC, r.prefsrc());
        }
        if (r.gateway() != null) {
            w.attrAddress(RTA_GATEWAY, r.gateway());
        }
        table(w, r.table());
        if (r.metric() != 0) {
            w.attrU32(RTA_PRIORITY, r.metric());
        }
        if (r.nexthopId() != 0) {
            w.attrU32(RTA_NH_ID, r.nexthopId() & 0xffffffffL);
        }
        if (!r.multipath().isEmpty()) {
            multipath(w, r.multipath());
        }
        if (r.oif() != 0) {
            w.attrU32(RTA_OIF, r.oif());
        }
        w.end();
    }

    /**
     * {@code RTM_DELROUTE} with only the route's key (destination, table, metric): echoing a
     * whole dumped route back can be refused (an nhid route dumped in compat mode).
     */
    public static void encodeDelete(MessageWriter w, Route r, int flags, int seq) {
        w.begin(RtnlTypes.RTM_DELROUTE, flags, seq);
        rtmsg(w, r.family(), r.destination().length(), r.table(), 0, RouteScope.NOWHERE.code(), 0);
        destination(w, r.destination());
        table(w, r.table());
        if (r.metric() != 0) {
            w.attrU32(RTA_PRIORITY, r.metric());
        }
        w.end();
    }

    /**
     * A dump request the kernel filters by table (needs {@code NETLINK_GET_STRICT_CHK}).
     *
     * @param table 0 for every table
     */
    public static void encodeDump(MessageWriter w, Family family, long table, int seq) {
        w.begin(RtnlTypes.RTM_GETROUTE, NetlinkFlags.REQUEST | NetlinkFlags.DUMP, seq);
        rtmsg(w, family, 0, table, 0, 0, 0);
        table(w, table);
        w.end();
    }

    private static void rtmsg(MessageWriter w, Family family, int dstLen, long table, int protocol, int scope,
            int type) {
        w.u8(family.code()).u8(dstLen).u8(0).u8(0)
                .u8(table > MAX_HEADER_TABLE ? RT_TABLE_UNSPEC : (int) table)
                .u8(protocol).u8(scope).u8(type).u32(0);
    }

    private static void destination(MessageWriter w, IpPrefix destination) {
        if (destination.length() > 0) {
            w.attrAddress(RTA_DST, destination.address());
        }
    }

    // Tables above 255 do not fit rtm_table.
    private static void table(MessageWriter w, long table) {
        if (table > MAX_HEADER_TABLE) {
            w.attrU32(RTA_TABLE, table);
        }
    }

    private static void multipath(MessageWriter w, List<RoutePath> paths) {
        int nest = w.beginNested(RTA_MULTIPATH, false);
        for (RoutePath p : paths) {
            int start = w.position();
            w.u16(0).u8(0).u8(p.weight() - 1).u32(p.ifindex());
            if (p.gateway() != null) {
                w.attrAddress(RTA_GATEWAY, p.gateway());
            }
            w.buffer().putShort(start, (short) (w.position() - start));
        }
        w.endNested(nest);
    }

    /**
     * Decodes {@code RTM_NEWROUTE}/{@code RTM_DELROUTE}.
     *
     * @return the route, or null for one the model does not represent (another family, a
     *     route type such as {@code RTN_NAT}, or a message without {@code rtmsg})
     */
    public static Route decode(NetlinkMessage m) {
        ByteBuffer b = m.body();
        if (b.limit() < RTMSG_SIZE) {
            return null;
        }
        int familyCode = b.get(0) & 0xff;
        if (familyCode != Family.INET.code() && familyCode != Family.INET6.code()) {
            return null;
        }
        RouteType type;
        RouteScope scope;
        try {
            type = RouteType.fromCode(b.get(7) & 0xff);
            scope = RouteScope.fromCode(b.get(6) & 0xff);
        } catch (IllegalArgumentException e) {
            return null;
        }
        Family family = Family.fromCode(familyCode);
        int dstLen = b.get(1) & 0xff;
        Attributes a = Attributes.parse(b, RTMSG_SIZE);
        InetAddress dst = a.address(RTA_DST);
        IpPrefix destination = dst == null ? IpPrefix.defaultRoute(family) : new IpPrefix(dst, dstLen);
        long table = a.u32(RTA_TABLE, b.get(4) & 0xff);
        int nexthopId = (int) a.u32(RTA_NH_ID, 0);
        // With nexthop_compat_mode=1 an nhid route also reports its nexthop's gateway and paths;
        // those belong to the nexthop object, so they are left out to round-trip what was set.
        boolean viaObject = nexthopId != 0;
        return new Route(family, destination, table, type, scope, b.get(5) & 0xff,
                viaObject ? null : a.address(RTA_GATEWAY),
                viaObject ? 0 : (int) a.u32(RTA_OIF, 0),
                a.address(RTA_PREFSRC),
                a.u32(RTA_PRIORITY, 0),
                viaObject ? List.of() : paths(a.get(RTA_MULTIPATH)),
                nexthopId);
    }

    private static List<RoutePath> paths(ByteBuffer mp) {
        if (mp == null) {
            return List.of();
        }
        List<RoutePath> out = new ArrayList<>();
        int at = 0;
        while (at + RTNH_SIZE <= mp.limit()) {
            int length = mp.getShort(at) & 0xffff;
            if (length < RTNH_SIZE || at + length > mp.limit()) {
                throw new MalformedMessageException("rtnexthop of length " + length + " at " + at);
            }
            int weight = (mp.get(at + 3) & 0xff) + 1;
            int ifindex = mp.getInt(at + 4);
            Attributes a = Attributes.parse(mp.slice(at, length).order(mp.order()), RTNH_SIZE);
            out.add(new RoutePath(a.address(RTA_GATEWAY), ifindex, weight));
            at += (length + 3) & ~3;
        }
        return out;
    }
}
