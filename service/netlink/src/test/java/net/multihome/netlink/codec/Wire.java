package net.multihome.netlink.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;

/** Test helpers: hex, and running a writer's output back through the parser. */
final class Wire {

    private Wire() {
    }

    static String hex(ByteBuffer direct, int length) {
        byte[] bytes = new byte[length];
        direct.get(0, bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String hex(MessageWriter w) {
        return hex(w.buffer(), w.position());
    }

    /** An nlmsghdr (little-endian) followed by a body given in hex. */
    static String message(int type, int flags, int seq, String bodyHex) {
        ByteBuffer h = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(16 + bodyHex.length() / 2).putShort((short) type).putShort((short) flags).putInt(seq).putInt(0);
        return HexFormat.of().formatHex(h.array()) + bodyHex;
    }

    /** Parses what the writer holds, as if the kernel had sent it. */
    static NetlinkMessage single(MessageWriter w) {
        ByteBuffer copy = ByteBuffer.allocate(w.position()).order(ByteOrder.nativeOrder());
        copy.put(0, w.buffer(), 0, w.position());
        List<NetlinkMessage> all = NetlinkMessage.split(copy);
        if (all.size() != 1) {
            throw new AssertionError("expected one message, got " + all.size());
        }
        return all.getFirst();
    }

    static ByteBuffer bytes(String hex) {
        byte[] b = HexFormat.of().parseHex(hex);
        return ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
    }
}
