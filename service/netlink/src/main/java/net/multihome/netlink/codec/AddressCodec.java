package net.multihome.netlink.codec;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import net.multihome.netlink.model.Address;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.RouteScope;

/** {@code ifaddrmsg} + {@code IFA_*} for interface addresses. */
public final class AddressCodec {

    private static final int IFADDRMSG_SIZE = 8;
    private static final int IFA_ADDRESS = 1;
    private static final int IFA_LOCAL = 2;
    private static final int IFA_FLAGS = 8;

    private AddressCodec() {
    }

    /** {@code RTM_NEWADDR} with {@code IFA_LOCAL} and {@code IFA_ADDRESS}, as {@code ip addr add} sends. */
    public static void encodeNew(MessageWriter w, Address a, int flags, int seq) {
        encode(w, RtnlTypes.RTM_NEWADDR, a, flags, seq);
    }

    /** {@code RTM_DELADDR}. */
    public static void encodeDelete(MessageWriter w, Address a, int flags, int seq) {
        encode(w, RtnlTypes.RTM_DELADDR, a, flags, seq);
    }

    private static void encode(MessageWriter w, int type, Address a, int flags, int seq) {
        w.begin(type, flags, seq);
        w.u8(a.family().code()).u8(a.prefixLength()).u8(0).u8(a.scope().code()).u32(a.ifindex());
        w.attrAddress(IFA_LOCAL, a.address());
        w.attrAddress(IFA_ADDRESS, a.peer() == null ? a.address() : a.peer());
        w.end();
    }

    /** A dump of one family's addresses on every link. */
    public static void encodeDump(MessageWriter w, Family family, int seq) {
        w.begin(RtnlTypes.RTM_GETADDR, NetlinkFlags.REQUEST | NetlinkFlags.DUMP, seq);
        w.u8(family.code()).u8(0).u8(0).u8(0).u32(0);
        w.end();
    }

    /** Decodes {@code RTM_NEWADDR}/{@code RTM_DELADDR}, or returns null for one the model does not represent. */
    public static Address decode(NetlinkMessage m) {
        ByteBuffer b = m.body();
        if (b.limit() < IFADDRMSG_SIZE) {
            return null;
        }
        int familyCode = b.get(0) & 0xff;
        if (familyCode != Family.INET.code() && familyCode != Family.INET6.code()) {
            return null;
        }
        Attributes a = Attributes.parse(b, IFADDRMSG_SIZE);
        // IFA_LOCAL is the interface's own address; IFA_ADDRESS is the peer on point-to-point links
        InetAddress local = a.has(IFA_LOCAL) ? a.address(IFA_LOCAL) : a.address(IFA_ADDRESS);
        if (local == null) {
            return null;
        }
        RouteScope scope;
        try {
            scope = RouteScope.fromCode(b.get(3) & 0xff);
        } catch (IllegalArgumentException e) {
            return null;
        }
        InetAddress peer = a.has(IFA_LOCAL) ? a.address(IFA_ADDRESS) : null;
        // ifa_flags holds only the low 8 bits; IFA_FLAGS (since Linux 3.14) all 32
        int flags = (int) a.u32(IFA_FLAGS, b.get(2) & 0xff);
        return new Address(b.getInt(4), local, b.get(1) & 0xff, scope, local.equals(peer) ? null : peer, flags);
    }
}
