package net.multihome.netlink.codec;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The attributes ({@code struct nlattr}) of one message or nest, indexed by type. When a
 * type repeats, the last one wins (no rtnetlink attribute we read repeats).
 */
public final class Attributes {

    public static final int NLA_F_NESTED = 0x8000;
    private static final int TYPE_MASK = 0x3fff;
    private static final int MAX_TYPE = 512;

    private ByteBuffer[] byType = new ByteBuffer[32];

    private Attributes() {
    }

    /** Parses the attributes in {@code buf} from {@code offset} to its limit. */
    public static Attributes parse(ByteBuffer buf, int offset) {
        Attributes a = new Attributes();
        int limit = buf.limit();
        int at = offset;
        while (at + 4 <= limit) {
            int length = buf.getShort(at) & 0xffff;
            int type = buf.getShort(at + 2) & TYPE_MASK;
            if (length < 4 || at + length > limit) {
                throw new MalformedMessageException("attribute " + type + " of length " + length
                        + " at offset " + at + " overruns " + limit + " bytes");
            }
            if (type < MAX_TYPE) {
                if (type >= a.byType.length) {
                    a.byType = Arrays.copyOf(a.byType, Math.max(type + 1, a.byType.length * 2));
                }
                a.byType[type] = buf.slice(at + 4, length - 4).order(ByteOrder.nativeOrder());
            }
            at += (length + 3) & ~3;
        }
        return a;
    }

    public boolean has(int type) {
        return type < byType.length && byType[type] != null;
    }

    /** The payload of an attribute, or null. */
    public ByteBuffer get(int type) {
        return has(type) ? byType[type] : null;
    }

    public int u8(int type, int absent) {
        return has(type) ? byType[type].get(0) & 0xff : absent;
    }

    public int u16(int type, int absent) {
        return has(type) ? byType[type].getShort(0) & 0xffff : absent;
    }

    public long u32(int type, long absent) {
        return has(type) ? byType[type].getInt(0) & 0xffffffffL : absent;
    }

    /** A 16-bit value in network byte order (nfnetlink), or {@code absent}. */
    public int u16BigEndian(int type, int absent) {
        return has(type) ? Short.toUnsignedInt(payload(type, 2).order(ByteOrder.BIG_ENDIAN).getShort(0)) : absent;
    }

    /** A 32-bit value in network byte order (nfnetlink), or {@code absent}. */
    public long u32BigEndian(int type, long absent) {
        return has(type) ? Integer.toUnsignedLong(payload(type, 4).order(ByteOrder.BIG_ENDIAN).getInt(0)) : absent;
    }

    /** A copy of an attribute's payload, or null. */
    public byte[] bytes(int type) {
        if (!has(type)) {
            return null;
        }
        byte[] out = new byte[byType[type].limit()];
        byType[type].get(0, out);
        return out;
    }

    private ByteBuffer payload(int type, int minLength) {
        ByteBuffer b = byType[type].duplicate();
        if (b.limit() < minLength) {
            throw new MalformedMessageException("attribute " + type + " of " + b.limit() + " bytes, expected "
                    + minLength);
        }
        return b;
    }

    /** A string attribute without its NUL terminator, or null. */
    public String string(int type) {
        if (!has(type)) {
            return null;
        }
        ByteBuffer b = byType[type];
        int end = 0;
        while (end < b.limit() && b.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end];
        b.get(0, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** An IPv4 or IPv6 address attribute, or null. */
    public InetAddress address(int type) {
        return has(type) ? address(byType[type], 0, byType[type].limit()) : null;
    }

    public Attributes nested(int type) {
        return has(type) ? parse(byType[type], 0) : null;
    }

    /** Reads a 4- or 16-byte address at {@code offset}. */
    public static InetAddress address(ByteBuffer b, int offset, int length) {
        if (length != 4 && length != 16) {
            throw new MalformedMessageException("address of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        b.get(offset, bytes);
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new MalformedMessageException("bad address: " + e.getMessage());
        }
    }
}
