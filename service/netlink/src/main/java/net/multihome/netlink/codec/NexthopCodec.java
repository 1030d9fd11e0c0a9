package net.multihome.netlink.codec;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.GroupType;
import net.multihome.netlink.model.Nexthop;
import net.multihome.netlink.model.ResilientParams;

/** {@code nhmsg} + {@code NHA_*} for nexthop objects and groups, in iproute2's attribute order. */
public final class NexthopCodec {

    private static final int NHMSG_SIZE = 8;
    private static final int AF_UNSPEC = 0;
    private static final int NHA_ID = 1;
    private static final int NHA_GROUP = 2;
    private static final int NHA_GROUP_TYPE = 3;
    private static final int NHA_BLACKHOLE = 4;
    private static final int NHA_OIF = 5;
    private static final int NHA_GATEWAY = 6;
    private static final int NHA_RES_GROUP = 12;
    private static final int NHA_RES_GROUP_BUCKETS = 1;
    private static final int NHA_RES_GROUP_IDLE_TIMER = 2;
    private static final int NHA_RES_GROUP_UNBALANCED_TIMER = 3;
    private static final int GROUP_ENTRY_SIZE = 8;

    private NexthopCodec() {
    }

    /** {@code RTM_NEWNEXTHOP}; {@code flags} decide add or replace. */
    public static void encodeNew(MessageWriter w, Nexthop nh, int flags, int seq) {
        w.begin(RtnlTypes.RTM_NEWNEXTHOP, flags, seq);
        switch (nh) {
            case Nexthop.Single s -> {
                nhmsg(w, s.family().code(), s.protocol());
                w.attrU32(NHA_ID, s.id() & 0xffffffffL);
                if (s.blackhole()) {
                    w.attrFlag(NHA_BLACKHOLE);
                }
                if (s.gateway() != null) {
                    w.attrAddress(NHA_GATEWAY, s.gateway());
                }
                if (s.ifindex() != 0) {
                    w.attrU32(NHA_OIF, s.ifindex());
                }
            }
            case Nexthop.Group g -> {
                nhmsg(w, AF_UNSPEC, g.protocol());
                w.attrU32(NHA_ID, g.id() & 0xffffffffL);
                group(w, g.members());
                if (g.resilient() != null) {
                    ResilientParams p = g.resilient();
                    int nest = w.beginNested(NHA_RES_GROUP, true);
                    w.attrU16(NHA_RES_GROUP_BUCKETS, p.buckets());
                    w.attrU32(NHA_RES_GROUP_IDLE_TIMER, p.idleTimerCs());
                    w.attrU32(NHA_RES_GROUP_UNBALANCED_TIMER, p.unbalancedTimerCs());
                    w.endNested(nest);
                }
                // hash-threshold is the kernel's default; iproute2 sends the type only otherwise
                if (g.type() != GroupType.HASH_THRESHOLD) {
                    w.attrU16(NHA_GROUP_TYPE, g.type().code());
                }
            }
        }
        w.end();
    }

    /** {@code RTM_DELNEXTHOP} with only {@code NHA_ID}. */
    public static void encodeDelete(MessageWriter w, int id, int flags, int seq) {
        w.begin(RtnlTypes.RTM_DELNEXTHOP, flags, seq);
        nhmsg(w, AF_UNSPEC, 0);
        w.attrU32(NHA_ID, id & 0xffffffffL);
        w.end();
    }

    /** A dump of every nexthop object. */
    public static void encodeDump(MessageWriter w, int seq) {
        w.begin(RtnlTypes.RTM_GETNEXTHOP, NetlinkFlags.REQUEST | NetlinkFlags.DUMP, seq);
        nhmsg(w, AF_UNSPEC, 0);
        w.end();
    }

    private static void nhmsg(MessageWriter w, int family, int protocol) {
        w.u8(family).u8(0).u8(protocol).u8(0).u32(0);
    }

    private static void group(MessageWriter w, List<Nexthop.Member> members) {
        int nest = w.beginNested(NHA_GROUP, false);
        for (Nexthop.Member m : members) {
            // weight - 1 in the low byte; weights up to 256 never need weight_high
            w.u32(m.id() & 0xffffffffL).u8(m.weight() - 1).u8(0).u16(0);
        }
        w.endNested(nest);
    }

    /**
     * Decodes {@code RTM_NEWNEXTHOP}/{@code RTM_DELNEXTHOP}.
     *
     * @return the nexthop, or null for one the model does not represent (an encap or FDB nexthop,
     *     another family)
     */
    public static Nexthop decode(NetlinkMessage m) {
        ByteBuffer b = m.body();
        if (b.limit() < NHMSG_SIZE) {
            return null;
        }
        int familyCode = b.get(0) & 0xff;
        int protocol = b.get(2) & 0xff;
        Attributes a = Attributes.parse(b, NHMSG_SIZE);
        int id = (int) a.u32(NHA_ID, 0);
        ByteBuffer group = a.get(NHA_GROUP);
        if (group != null) {
            GroupType type = GroupType.fromCode(a.u16(NHA_GROUP_TYPE, GroupType.HASH_THRESHOLD.code()));
            Attributes res = a.nested(NHA_RES_GROUP);
            if (type == GroupType.RESILIENT && res == null) {
                return null;
            }
            ResilientParams params = type == GroupType.RESILIENT
                    ? new ResilientParams(res.u16(NHA_RES_GROUP_BUCKETS, 0),
                            res.u32(NHA_RES_GROUP_IDLE_TIMER, 0),
                            res.u32(NHA_RES_GROUP_UNBALANCED_TIMER, 0))
                    : null;
            return new Nexthop.Group(id, members(group), type, params, protocol);
        }
        if (familyCode != Family.INET.code() && familyCode != Family.INET6.code()) {
            return null;
        }
        return new Nexthop.Single(id, Family.fromCode(familyCode), a.address(NHA_GATEWAY),
                (int) a.u32(NHA_OIF, 0), a.has(NHA_BLACKHOLE), protocol);
    }

    private static List<Nexthop.Member> members(ByteBuffer g) {
        List<Nexthop.Member> out = new ArrayList<>(g.limit() / GROUP_ENTRY_SIZE);
        for (int at = 0; at + GROUP_ENTRY_SIZE <= g.limit(); at += GROUP_ENTRY_SIZE) {
            int weight = ((g.get(at + 4) & 0xff) | (g.get(at + 5) & 0xff) << 8) + 1;
            out.add(new Nexthop.Member(g.getInt(at), weight));
        }
        return out;
    }
}
