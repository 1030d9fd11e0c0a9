package net.multihome.netlink.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One message of a received datagram.
 *
 * @param body the bytes after {@code nlmsghdr}, little-endian, a view of the receive buffer
 *     (decode before the next receive)
 */
public record NetlinkMessage(int type, int flags, int seq, int pid, ByteBuffer body) {

    private static final int HEADER = 16;

    /**
     * Splits a datagram into its messages.
     *
     * @throws MalformedMessageException when a length field points outside the datagram
     */
    public static List<NetlinkMessage> split(ByteBuffer datagram) {
        List<NetlinkMessage> out = new ArrayList<>();
        int limit = datagram.limit();
        int at = 0;
        while (at + HEADER <= limit) {
            int length = datagram.getInt(at);
            if (length < HEADER || at + length > limit) {
                throw new MalformedMessageException("nlmsg_len " + length + " at offset " + at
                        + " overruns a datagram of " + limit + " bytes");
            }
            ByteBuffer body = datagram.slice(at + HEADER, length - HEADER).order(ByteOrder.nativeOrder());
            out.add(new NetlinkMessage(datagram.getShort(at + 4) & 0xffff, datagram.getShort(at + 6) & 0xffff,
                    datagram.getInt(at + 8), datagram.getInt(at + 12), body));
            at += (length + 3) & ~3;
        }
        return out;
    }

    public boolean isError() {
        return type == NetlinkFlags.NLMSG_ERROR;
    }

    public boolean isDone() {
        return type == NetlinkFlags.NLMSG_DONE;
    }

    public boolean has(int flag) {
        return (flags & flag) == flag;
    }
}
