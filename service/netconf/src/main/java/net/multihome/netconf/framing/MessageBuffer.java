package net.multihome.netconf.framing;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** A growable byte array that never grows beyond a limit chosen by its decoder. */
final class MessageBuffer {
    private byte[] bytes = new byte[1024];
    private int size;

    /** XML's whitespace (S in XML 1.0 section 2.3): space, tab, CR, LF. */
    static boolean isXmlWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    int size() {
        return size;
    }

    void append(byte b) {
        ensure(size + 1);
        bytes[size++] = b;
    }

    void append(ByteBuffer in, int count) {
        ensure(size + count);
        in.get(bytes, size, count);
        size += count;
    }

    byte at(int index) {
        return bytes[index];
    }

    byte[] take(int length) {
        byte[] message = Arrays.copyOf(bytes, length);
        size = 0;
        if (bytes.length > 64 * 1024) {
            bytes = new byte[1024];
        }
        return message;
    }

    private void ensure(int capacity) {
        if (capacity > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(capacity, Math.min(Integer.MAX_VALUE - 8, bytes.length * 2)));
        }
    }
}
