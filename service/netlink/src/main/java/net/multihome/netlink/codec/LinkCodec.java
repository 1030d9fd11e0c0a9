package net.multihome.netlink.codec;

import java.nio.ByteBuffer;
import net.multihome.netlink.model.Link;
import net.multihome.netlink.model.LinkStats;
import net.multihome.netlink.model.OperState;

/** {@code ifinfomsg} + {@code IFLA_*} for links: dumps, lookups by name, admin up/down. */
public final class LinkCodec {

    private static final int IFINFOMSG_SIZE = 16;
    private static final int IFF_UP = 0x1;
    private static final int IFF_LOWER_UP = 0x10000;
    private static final int IFLA_IFNAME = 3;
    private static final int IFLA_MTU = 4;
    private static final int IFLA_OPERSTATE = 16;
    private static final int IFLA_LINKINFO = 18;
    private static final int IFLA_IFALIAS = 20;
    private static final int IFLA_STATS64 = 23;
    private static final int IFLA_INFO_KIND = 1;
    private static final int STATS64_FIELDS = 8;

    private LinkCodec() {
    }

    /** A dump of every link. */
    public static void encodeDump(MessageWriter w, int seq) {
        w.begin(RtnlTypes.RTM_GETLINK, NetlinkFlags.REQUEST | NetlinkFlags.DUMP, seq);
        ifinfomsg(w, 0, 0, 0);
        w.end();
    }

    /** A request for one link by name; the kernel answers with one message or {@code ENODEV}. */
    public static void encodeGet(MessageWriter w, String name, int seq) {
        w.begin(RtnlTypes.RTM_GETLINK, NetlinkFlags.REQUEST, seq);
        ifinfomsg(w, 0, 0, 0);
        w.attrString(IFLA_IFNAME, name);
        w.end();
    }

    /** Sets {@code IFF_UP} on or off, leaving every other flag alone. */
    public static void encodeSetAdminState(MessageWriter w, int ifindex, boolean up, int flags, int seq) {
        w.begin(RtnlTypes.RTM_NEWLINK, flags, seq);
        ifinfomsg(w, ifindex, up ? IFF_UP : 0, IFF_UP);
        w.end();
    }

    private static void ifinfomsg(MessageWriter w, int index, int flags, int change) {
        w.u8(0).u8(0).u16(0).u32(index).u32(flags).u32(change);
    }

    /** Decodes {@code RTM_NEWLINK}/{@code RTM_DELLINK}, or returns null for a truncated one. */
    public static Link decode(NetlinkMessage m) {
        ByteBuffer b = m.body();
        if (b.limit() < IFINFOMSG_SIZE) {
            return null;
        }
        int index = b.getInt(4);
        int flags = b.getInt(8);
        Attributes a = Attributes.parse(b, IFINFOMSG_SIZE);
        Attributes info = a.nested(IFLA_LINKINFO);
        return new Link(index, a.string(IFLA_IFNAME), (flags & IFF_UP) != 0, (flags & IFF_LOWER_UP) != 0,
                OperState.fromCode(a.u8(IFLA_OPERSTATE, 0)),
                (int) a.u32(IFLA_MTU, 0),
                a.string(IFLA_IFALIAS),
                info == null ? null : info.string(IFLA_INFO_KIND),
                stats(a.get(IFLA_STATS64)));
    }

    private static LinkStats stats(ByteBuffer s) {
        if (s == null || s.limit() < STATS64_FIELDS * 8) {
            return LinkStats.ZERO;
        }
        return new LinkStats(s.getLong(0), s.getLong(8), s.getLong(16), s.getLong(24),
                s.getLong(32), s.getLong(40), s.getLong(48), s.getLong(56));
    }
}
