package net.multihome.netconf.framing;

import java.nio.ByteBuffer;

/**
 * RFC 6242 section 4.2 chunked framing: {@code \n#<size>\n<data>} repeated, then {@code \n##\n}.
 * Whitespace between messages is skipped, as some clients end a message with an extra newline;
 * inside a message the framing is strict.
 *
 * <table>
 *   <caption>Limits and violations</caption>
 *   <tr><th>Condition</th><th>Default</th><th>Exception</th></tr>
 *   <tr><td>sum of chunk sizes of one message</td><td>16 MiB</td><td>{@link MessageTooLargeException},
 *       raised on the header that would pass the limit, before its data is read</td></tr>
 *   <tr><td>one chunk's size</td><td>16 MiB (never above the message limit)</td>
 *       <td>{@link ChunkSizeException}</td></tr>
 *   <tr><td>chunk size 0, a leading zero, or above 4294967295 (RFC 6242 range)</td><td>-</td>
 *       <td>{@link ChunkSizeException}</td></tr>
 *   <tr><td>header not {@code \n#}, non-digit in the size, size not ended by LF (missing LF),
 *       {@code \n##} not followed by LF, end-of-chunks before any chunk</td><td>-</td>
 *       <td>{@link MalformedChunkException}</td></tr>
 * </table>
 */
public final class ChunkedDecoder implements FrameDecoder {
    public static final long MAX_RFC_CHUNK_SIZE = 4_294_967_295L;

    private enum State { LF, HASH, FIRST_DIGIT_OR_HASH, DIGITS, DATA, END_LF }

    private final int maxMessageSize;
    private final int maxChunkSize;
    private final MessageBuffer buffer = new MessageBuffer();
    private State state = State.LF;
    private long chunkSize;
    private long remaining;

    public ChunkedDecoder(int maxMessageSize, int maxChunkSize) {
        if (maxMessageSize < 1 || maxChunkSize < 1) {
            throw new IllegalArgumentException("limits must be positive: message " + maxMessageSize
                    + ", chunk " + maxChunkSize);
        }
        this.maxMessageSize = maxMessageSize;
        this.maxChunkSize = Math.min(maxChunkSize, maxMessageSize);
    }

    public ChunkedDecoder(int maxMessageSize) {
        this(maxMessageSize, maxMessageSize);
    }

    @Override
    public byte[] decode(ByteBuffer in) throws FramingException {
        while (in.hasRemaining()) {
            if (state == State.DATA) {
                int n = (int) Math.min(remaining, in.remaining());
                buffer.append(in, n);
                remaining -= n;
                if (remaining == 0) {
                    state = State.LF;
                }
                continue;
            }
            byte b = in.get();
            if (betweenMessages() && MessageBuffer.isXmlWhitespace(b)) {
                // A newline may start the next header; anything else leaves us waiting for one.
                state = b == '\n' ? State.HASH : State.LF;
                continue;
            }
            switch (state) {
                case LF -> state = expect(b, '\n', State.HASH, "chunk header must start with LF");
                case HASH -> state = expect(b, '#', State.FIRST_DIGIT_OR_HASH, "chunk header must start with LF #");
                case FIRST_DIGIT_OR_HASH -> firstDigitOrHash(b);
                case DIGITS -> digit(b);
                case END_LF -> {
                    expect(b, '\n', State.LF, "end-of-chunks must be LF # # LF");
                    if (buffer.size() == 0) {
                        throw new MalformedChunkException("end-of-chunks before any chunk");
                    }
                    state = State.LF;
                    return buffer.take(buffer.size());
                }
                case DATA -> throw new IllegalStateException("handled above");
            }
        }
        return null;
    }

    private boolean betweenMessages() {
        return buffer.size() == 0 && (state == State.LF || state == State.HASH);
    }

    private static State expect(byte b, char wanted, State next, String message) throws MalformedChunkException {
        if (b != wanted) {
            throw new MalformedChunkException(message + ", got byte 0x" + Integer.toHexString(b & 0xff));
        }
        return next;
    }

    private void firstDigitOrHash(byte b) throws FramingException {
        if (b == '#') {
            state = State.END_LF;
        } else if (b == '0') {
            throw new ChunkSizeException("chunk size must not be 0 or start with 0");
        } else if (b >= '1' && b <= '9') {
            chunkSize = b - '0';
            state = State.DIGITS;
        } else {
            throw new MalformedChunkException("chunk size must be digits, got byte 0x" + Integer.toHexString(b & 0xff));
        }
    }

    private void digit(byte b) throws FramingException {
        if (b >= '0' && b <= '9') {
            chunkSize = chunkSize * 10 + (b - '0');
            if (chunkSize > MAX_RFC_CHUNK_SIZE) {
                throw new ChunkSizeException("chunk size above " + MAX_RFC_CHUNK_SIZE);
            }
            return;
        }
        if (b != '\n') {
            throw new MalformedChunkException("chunk size must end with LF, got byte 0x" + Integer.toHexString(b & 0xff));
        }
        if (chunkSize > maxChunkSize) {
            throw new ChunkSizeException("chunk size " + chunkSize + " exceeds the limit of " + maxChunkSize);
        }
        if (buffer.size() + chunkSize > maxMessageSize) {
            throw new MessageTooLargeException(buffer.size() + chunkSize, maxMessageSize);
        }
        remaining = chunkSize;
        state = State.DATA;
    }
}
