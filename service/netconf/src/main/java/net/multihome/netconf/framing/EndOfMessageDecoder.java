package net.multihome.netconf.framing;

import java.nio.ByteBuffer;

/**
 * RFC 6242 section 4.3 end-of-message framing: a message ends at {@code ]]>]]>}. Whitespace
 * between messages (and before the first) is skipped: yuma123's litenc sends a newline before
 * its hello's XML declaration, which no XML parser accepts.
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>Limit</th><th>Default</th><th>Violation</th></tr>
 *   <tr><td>message size (bytes before the delimiter)</td><td>16 MiB</td>
 *       <td>{@link MessageTooLargeException}, raised as soon as the limit is passed,
 *       so an endless message is never buffered whole</td></tr>
 * </table>
 */
public final class EndOfMessageDecoder implements FrameDecoder {
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 16 * 1024 * 1024;
    static final byte[] DELIMITER = {']', ']', '>', ']', ']', '>'};

    private final int maxMessageSize;
    private final MessageBuffer buffer = new MessageBuffer();

    public EndOfMessageDecoder(int maxMessageSize) {
        if (maxMessageSize < 1) {
            throw new IllegalArgumentException("maxMessageSize must be positive: " + maxMessageSize);
        }
        this.maxMessageSize = maxMessageSize;
    }

    public EndOfMessageDecoder() {
        this(DEFAULT_MAX_MESSAGE_SIZE);
    }

    @Override
    public byte[] decode(ByteBuffer in) throws FramingException {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (buffer.size() == 0 && MessageBuffer.isXmlWhitespace(b)) {
                continue;
            }
            buffer.append(b);
            int size = buffer.size();
            if (b == '>' && endsWithDelimiter(size)) {
                return buffer.take(size - DELIMITER.length);
            }
            // Whatever follows, the message would be at least size - 5 bytes long.
            if ((long) size - (DELIMITER.length - 1) > maxMessageSize) {
                throw new MessageTooLargeException(size - (DELIMITER.length - 1), maxMessageSize);
            }
        }
        return null;
    }

    private boolean endsWithDelimiter(int size) {
        if (size < DELIMITER.length) {
            return false;
        }
        for (int i = 0; i < DELIMITER.length; i++) {
            if (buffer.at(size - DELIMITER.length + i) != DELIMITER[i]) {
                return false;
            }
        }
        return true;
    }
}
