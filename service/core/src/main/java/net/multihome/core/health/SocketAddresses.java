package net.multihome.core.health;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import net.multihome.netlink.socket.Libc;

/** {@code sockaddr_in} and {@code sockaddr_in6} in native memory. */
final class SocketAddresses {

    static final int IN_SIZE = 16;
    static final int IN6_SIZE = 28;
    private static final ValueLayout.OfShort NET_SHORT =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private SocketAddresses() {
    }

    static int family(InetAddress address) {
        return address instanceof Inet6Address ? Libc.AF_INET6 : Libc.AF_INET;
    }

    static int size(int family) {
        return family == Libc.AF_INET6 ? IN6_SIZE : IN_SIZE;
    }

    /** Encodes {@code address} and {@code port}; the family field is in host order, the port in network order. */
    static MemorySegment encode(Arena arena, InetAddress address, int port) {
        int family = family(address);
        MemorySegment sa = arena.allocate(size(family), 4);
        sa.set(ValueLayout.JAVA_SHORT_UNALIGNED, 0, (short) family);
        sa.set(NET_SHORT, 2, (short) port);
        byte[] raw = address.getAddress();
        MemorySegment.copy(raw, 0, sa, ValueLayout.JAVA_BYTE, address instanceof Inet4Address ? 4 : 8, raw.length);
        return sa;
    }

    /** Reads the address of a {@code sockaddr_in} or {@code sockaddr_in6}, or null for another family. */
    static InetAddress decode(MemorySegment sa) {
        short family = sa.get(ValueLayout.JAVA_SHORT_UNALIGNED, 0);
        byte[] raw;
        if (family == Libc.AF_INET) {
            raw = sa.asSlice(4, 4).toArray(ValueLayout.JAVA_BYTE);
        } else if (family == Libc.AF_INET6) {
            raw = sa.asSlice(8, 16).toArray(ValueLayout.JAVA_BYTE);
        } else {
            return null;
        }
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("impossible: address of " + raw.length + " bytes", e);
        }
    }
}
