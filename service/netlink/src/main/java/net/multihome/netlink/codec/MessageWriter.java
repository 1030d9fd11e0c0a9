package net.multihome.netlink.codec;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes netlink messages back to back into one direct buffer, ready for a single
 * {@code send()}. A message that does not fit throws {@link java.nio.BufferOverflowException};
 * the caller {@link #truncate truncates} back to where it began and flushes.
 */
public final class MessageWriter {

    private final ByteBuffer buf;
    private int messageStart = -1;

    public MessageWriter(int capacity) {
        buf = ByteBuffer.allocateDirect(capacity).order(ByteOrder.nativeOrder());
    }

    /** Bytes written so far (all finished messages). */
    public int position() {
        return buf.position();
    }

    public ByteBuffer buffer() {
        return buf;
    }

    /** Drops everything from {@code position} on (an unfinished or unwanted message). */
    public void truncate(int position) {
        buf.position(position);
        messageStart = -1;
    }

    public void clear() {
        truncate(0);
    }

    /** Starts a message; its length is filled in by {@link #end()}. */
    public MessageWriter begin(int type, int flags, int seq) {
        if (messageStart >= 0) {
            throw new IllegalStateException("previous message not ended");
        }
        messageStart = buf.position();
        buf.putInt(0).putShort((short) type).putShort((short) flags).putInt(seq).putInt(0);
        return this;
    }

    /** Finishes the message begun last and returns its length. */
    public int end() {
        pad();
        int length = buf.position() - messageStart;
        buf.putInt(messageStart, length);
        messageStart = -1;
        return length;
    }

    public MessageWriter u8(int v) {
        buf.put((byte) v);
        return this;
    }

    public MessageWriter u16(int v) {
        buf.putShort((short) v);
        return this;
    }

    public MessageWriter u32(long v) {
        buf.putInt((int) v);
        return this;
    }

    public MessageWriter attrU8(int type, int v) {
        attrHeader(type, 1);
        buf.put((byte) v);
        pad();
        return this;
    }

    public MessageWriter attrU16(int type, int v) {
        attrHeader(type, 2);
        buf.putShort((short) v);
        pad();
        return this;
    }

    public MessageWriter attrU32(int type, long v) {
        attrHeader(type, 4);
        buf.putInt((int) v);
        return this;
    }

    /** A 32-bit value in network byte order, as nfnetlink attributes carry numbers. */
    public MessageWriter attrU32BigEndian(int type, long v) {
        attrHeader(type, 4);
        buf.put((byte) (v >>> 24)).put((byte) (v >>> 16)).put((byte) (v >>> 8)).put((byte) v);
        return this;
    }

    /** Two 16-bit values in one attribute ({@code struct fib_rule_port_range}). */
    public MessageWriter attrU16Pair(int type, int first, int second) {
        attrHeader(type, 4);
        buf.putShort((short) first).putShort((short) second);
        return this;
    }

    public MessageWriter attrAddress(int type, InetAddress address) {
        return attrBytes(type, address.getAddress());
    }

    public MessageWriter attrBytes(int type, byte[] value) {
        attrHeader(type, value.length);
        buf.put(value);
        pad();
        return this;
    }

    /** A NUL-terminated string attribute. */
    public MessageWriter attrString(int type, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        attrHeader(type, bytes.length + 1);
        buf.put(bytes).put((byte) 0);
        pad();
        return this;
    }

    /** An attribute without payload (a flag). */
    public MessageWriter attrFlag(int type) {
        attrHeader(type, 0);
        return this;
    }

    /** Opens a nested attribute; pass the result to {@link #endNested}. */
    public int beginNested(int type, boolean markNested) {
        int start = buf.position();
        buf.putShort((short) 0).putShort((short) (markNested ? type | Attributes.NLA_F_NESTED : type));
        return start;
    }

    public void endNested(int start) {
        pad();
        buf.putShort(start, (short) (buf.position() - start));
    }

    private void attrHeader(int type, int payloadLength) {
        buf.putShort((short) (4 + payloadLength)).putShort((short) type);
    }

    private void pad() {
        while ((buf.position() & 3) != 0) {
            buf.put((byte) 0);
        }
    }
}
