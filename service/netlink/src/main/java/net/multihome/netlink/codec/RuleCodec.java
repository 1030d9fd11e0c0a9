package net.multihome.netlink.codec;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.IpPrefix;
import net.multihome.netlink.model.PortRange;
import net.multihome.netlink.model.Rule;
import net.multihome.netlink.model.RuleAction;

/**
 * {@code fib_rule_hdr} + {@code FRA_*} for policy rules. Attribute order is the one
 * {@code ip rule add from .. to .. iif .. oif .. fwmark ../.. ipproto .. sport .. dport ..
 * lookup .. pref .. protocol ..} produces.
 */
public final class RuleCodec {

    private static final int HEADER_SIZE = 12;
    private static final int FRA_DST = 1;
    private static final int FRA_SRC = 2;
    private static final int FRA_IIFNAME = 3;
    private static final int FRA_GOTO = 4;
    private static final int FRA_PRIORITY = 6;
    private static final int FRA_FWMARK = 10;
    private static final int FRA_SUPPRESS_PREFIXLEN = 14;
    private static final int FRA_TABLE = 15;
    private static final int FRA_FWMASK = 16;
    private static final int FRA_OIFNAME = 17;
    private static final int FRA_PROTOCOL = 21;
    private static final int FRA_IP_PROTO = 22;
    private static final int FRA_SPORT_RANGE = 23;
    private static final int FRA_DPORT_RANGE = 24;
    private static final int MAX_HEADER_TABLE = 255;
    private static final long FULL_MASK = 0xffffffffL;

    private RuleCodec() {
    }

    /** {@code RTM_NEWRULE}. */
    public static void encodeNew(MessageWriter w, Rule r, int flags, int seq) {
        encode(w, RtnlTypes.RTM_NEWRULE, r, r.action().code(), flags, seq);
    }

    /**
     * {@code RTM_DELRULE}: every selector, priority and table are the rule's key; the action is
     * left unspecified, as {@code ip rule del} does.
     */
    public static void encodeDelete(MessageWriter w, Rule r, int flags, int seq) {
        encode(w, RtnlTypes.RTM_DELRULE, r, 0, flags, seq);
    }

    /** A dump of one family's rules (strict checking allows no filter here). */
    public static void encodeDump(MessageWriter w, Family family, int seq) {
        w.begin(RtnlTypes.RTM_GETRULE, NetlinkFlags.REQUEST | NetlinkFlags.DUMP, seq);
        w.u8(family.code()).u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u32(0);
        w.end();
    }

    private static void encode(MessageWriter w, int type, Rule r, int action, int flags, int seq) {
        w.begin(type, flags, seq);
        w.u8(r.family().code())
                .u8(r.destination() == null ? 0 : r.destination().length())
                .u8(r.source() == null ? 0 : r.source().length())
                .u8(0)
                .u8(r.table() > MAX_HEADER_TABLE ? 0 : (int) r.table())
                .u8(0).u8(0)
                .u8(action)
                .u32(0);
        if (r.source() != null) {
            w.attrAddress(FRA_SRC, r.source().address());
        }
        if (r.destination() != null) {
            w.attrAddress(FRA_DST, r.destination().address());
        }
        if (r.iifName() != null) {
            w.attrString(FRA_IIFNAME, r.iifName());
        }
        if (r.oifName() != null) {
            w.attrString(FRA_OIFNAME, r.oifName());
        }
        if (r.fwmark() != 0 || r.fwmask() != 0) {
            w.attrU32(FRA_FWMARK, r.fwmark());
        }
        if (r.fwmask() != 0) {
            w.attrU32(FRA_FWMASK, r.fwmask());
        }
        if (r.ipProtocol() != 0) {
            w.attrU8(FRA_IP_PROTO, r.ipProtocol());
        }
        if (r.sourcePorts() != null) {
            w.attrU16Pair(FRA_SPORT_RANGE, r.sourcePorts().start(), r.sourcePorts().end());
        }
        if (r.destinationPorts() != null) {
            w.attrU16Pair(FRA_DPORT_RANGE, r.destinationPorts().start(), r.destinationPorts().end());
        }
        if (r.table() > MAX_HEADER_TABLE) {
            w.attrU32(FRA_TABLE, r.table());
        }
        if (r.suppressPrefixLength() != Rule.NO_SUPPRESSION) {
            w.attrU32(FRA_SUPPRESS_PREFIXLEN, r.suppressPrefixLength());
        }
        // The kernel refuses a goto target on a message whose action is not goto (deletions).
        if (action == RuleAction.GOTO.code()) {
            w.attrU32(FRA_GOTO, r.gotoPriority() & 0xffffffffL);
        }
        w.attrU32(FRA_PRIORITY, r.priority() & 0xffffffffL);
        if (r.protocol() != 0) {
            w.attrU8(FRA_PROTOCOL, r.protocol());
        }
        w.end();
    }

    /**
     * Decodes {@code RTM_NEWRULE}/{@code RTM_DELRULE}.
     *
     * @return the rule, or null for an action or family the model does not represent
     */
    public static Rule decode(NetlinkMessage m) {
        ByteBuffer b = m.body();
        if (b.limit() < HEADER_SIZE) {
            return null;
        }
        int familyCode = b.get(0) & 0xff;
        if (familyCode != Family.INET.code() && familyCode != Family.INET6.code()) {
            return null;
        }
        RuleAction action;
        try {
            action = RuleAction.fromCode(b.get(7) & 0xff);
        } catch (IllegalArgumentException e) {
            return null;
        }
        Attributes a = Attributes.parse(b, HEADER_SIZE);
        if (action == RuleAction.GOTO && a.u32(FRA_GOTO, 0) == 0) {
            return null;
        }
        long fwmark = a.u32(FRA_FWMARK, 0);
        long fwmask = a.u32(FRA_FWMASK, 0);
        // The kernel fills in a full mask when none was given; 0 means the same to the encoder.
        if (fwmark != 0 && fwmask == FULL_MASK) {
            fwmask = 0;
        }
        return new Rule(Family.fromCode(familyCode),
                (int) a.u32(FRA_PRIORITY, 0),
                prefix(a, FRA_SRC, b.get(2) & 0xff),
                prefix(a, FRA_DST, b.get(1) & 0xff),
                a.string(FRA_IIFNAME),
                a.string(FRA_OIFNAME),
                fwmark,
                fwmask,
                a.u8(FRA_IP_PROTO, 0),
                ports(a.get(FRA_SPORT_RANGE)),
                ports(a.get(FRA_DPORT_RANGE)),
                a.u32(FRA_TABLE, b.get(4) & 0xff),
                action,
                a.u8(FRA_PROTOCOL, 0),
                (int) a.u32(FRA_SUPPRESS_PREFIXLEN, FULL_MASK),
                action == RuleAction.GOTO ? (int) a.u32(FRA_GOTO, 0) : 0);
    }

    private static IpPrefix prefix(Attributes a, int type, int length) {
        InetAddress address = a.address(type);
        return address == null ? null : new IpPrefix(address, length);
    }

    private static PortRange ports(ByteBuffer b) {
        return b == null ? null : new PortRange(b.getShort(0) & 0xffff, b.getShort(2) & 0xffff);
    }
}
