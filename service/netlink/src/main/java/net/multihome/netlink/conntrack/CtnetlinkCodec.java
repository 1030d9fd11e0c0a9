package net.multihome.netlink.conntrack;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import net.multihome.netlink.codec.Attributes;
import net.multihome.netlink.codec.MalformedMessageException;
import net.multihome.netlink.codec.MessageWriter;
import net.multihome.netlink.codec.NetlinkFlags;
import net.multihome.netlink.codec.NetlinkMessage;
import net.multihome.netlink.model.Family;

/**
 * {@code nfgenmsg} + {@code CTA_*} of {@code linux/netfilter/nfnetlink_conntrack.h}: the mark-filtered
 * dump as {@code conntrack -L --mark M/MASK} sends it, the delete of one entry by its original
 * tuple and id, and the decoder of dumped entries.
 */
final class CtnetlinkCodec {

    static final int NFNL_SUBSYS_CTNETLINK = 1;
    static final int IPCTNL_MSG_CT_NEW = 0;
    static final int IPCTNL_MSG_CT_GET = 1;
    static final int IPCTNL_MSG_CT_DELETE = 2;
    static final int CT_NEW = NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_NEW;
    static final int CT_GET = NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_GET;
    static final int CT_DELETE = NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_DELETE;

    private static final int AF_UNSPEC = 0;
    private static final int NFNETLINK_V0 = 0;
    private static final int NFGENMSG_SIZE = 4;

    private static final int CTA_TUPLE_ORIG = 1;
    private static final int CTA_TUPLE_REPLY = 2;
    private static final int CTA_MARK = 8;
    private static final int CTA_ID = 12;
    private static final int CTA_ZONE = 18;
    private static final int CTA_MARK_MASK = 21;

    private static final int CTA_TUPLE_IP = 1;
    private static final int CTA_TUPLE_PROTO = 2;
    private static final int CTA_IP_V4_SRC = 1;
    private static final int CTA_IP_V4_DST = 2;
    private static final int CTA_IP_V6_SRC = 3;
    private static final int CTA_IP_V6_DST = 4;
    private static final int CTA_PROTO_NUM = 1;
    private static final int CTA_PROTO_SRC_PORT = 2;
    private static final int CTA_PROTO_DST_PORT = 3;

    private CtnetlinkCodec() {
    }

    /** {@code IPCTNL_MSG_CT_GET} dump of both families, filtered in the kernel by {@code (ct mark & mask) == mark}. */
    static void encodeDumpByMark(MessageWriter w, long mark, long mask, int seq) {
        w.begin(CT_GET, NetlinkFlags.REQUEST | NetlinkFlags.DUMP, seq);
        nfgenmsg(w, AF_UNSPEC);
        w.attrU32BigEndian(CTA_MARK, mark);
        w.attrU32BigEndian(CTA_MARK_MASK, mask);
        w.end();
    }

    /** {@code IPCTNL_MSG_CT_DELETE} of one entry: its original tuple, zone and id, nothing else. */
    static void encodeDelete(MessageWriter w, DumpedEntry e, int flags, int seq) {
        w.begin(CT_DELETE, flags, seq);
        nfgenmsg(w, e.familyCode());
        w.attrBytes(CTA_TUPLE_ORIG | Attributes.NLA_F_NESTED, e.originalTuple());
        if (e.zone() != null) {
            w.attrBytes(CTA_ZONE, e.zone());
        }
        if (e.id() >= 0) {
            w.attrU32BigEndian(CTA_ID, e.id());
        }
        w.end();
    }

    private static void nfgenmsg(MessageWriter w, int family) {
        w.u8(family).u8(NFNETLINK_V0).u16(0);
    }

    /**
     * Decodes an {@code IPCTNL_MSG_CT_NEW} of a dump; null for other messages and for families
     * other than IPv4 and IPv6.
     *
     * @throws MalformedMessageException when the message lacks its tuples or an attribute has the wrong size
     */
    static DumpedEntry decode(NetlinkMessage m) {
        ByteBuffer b = m.body();
        if (m.type() != CT_NEW || b.limit() < NFGENMSG_SIZE) {
            return null;
        }
        int familyCode = b.get(0) & 0xff;
        if (familyCode != Family.INET.code() && familyCode != Family.INET6.code()) {
            return null;
        }
        Attributes a = Attributes.parse(b, NFGENMSG_SIZE);
        Attributes original = required(a, CTA_TUPLE_ORIG, "CTA_TUPLE_ORIG");
        Attributes originalProto = required(original, CTA_TUPLE_PROTO, "CTA_TUPLE_PROTO");
        int protocol = originalProto.u8(CTA_PROTO_NUM, -1);
        if (protocol < 0) {
            throw new MalformedMessageException("conntrack entry without CTA_PROTO_NUM");
        }
        ConntrackEntry entry = new ConntrackEntry(Family.fromCode(familyCode), protocol,
                tuple(original, originalProto), tuple(required(a, CTA_TUPLE_REPLY, "CTA_TUPLE_REPLY")),
                a.u32BigEndian(CTA_MARK, 0));
        return new DumpedEntry(entry, familyCode, a.bytes(CTA_TUPLE_ORIG), a.u32BigEndian(CTA_ID, -1),
                a.bytes(CTA_ZONE));
    }

    private static ConntrackEntry.Tuple tuple(Attributes tuple) {
        return tuple(tuple, required(tuple, CTA_TUPLE_PROTO, "CTA_TUPLE_PROTO"));
    }

    private static ConntrackEntry.Tuple tuple(Attributes tuple, Attributes proto) {
        Attributes ip = required(tuple, CTA_TUPLE_IP, "CTA_TUPLE_IP");
        boolean v4 = ip.has(CTA_IP_V4_SRC);
        InetAddress source = ip.address(v4 ? CTA_IP_V4_SRC : CTA_IP_V6_SRC);
        InetAddress destination = ip.address(v4 ? CTA_IP_V4_DST : CTA_IP_V6_DST);
        if (source == null || destination == null) {
            throw new MalformedMessageException("conntrack tuple without source or destination address");
        }
        return new ConntrackEntry.Tuple(source, destination, proto.u16BigEndian(CTA_PROTO_SRC_PORT, 0),
                proto.u16BigEndian(CTA_PROTO_DST_PORT, 0));
    }

    private static Attributes required(Attributes a, int type, String name) {
        Attributes nested = a.nested(type);
        if (nested == null) {
            throw new MalformedMessageException("conntrack entry without " + name);
        }
        return nested;
    }
}
