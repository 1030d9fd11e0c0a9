package net.multihome.netconf.framing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes a message as chunks of at most {@code maxChunkSize} bytes, then {@code \n##\n} (RFC 6242 section 4.2). */
public final class ChunkedEncoder implements FrameEncoder {
    public static final int DEFAULT_CHUNK_SIZE = 64 * 1024;
    private static final byte[] END_OF_CHUNKS = {'\n', '#', '#', '\n'};

    private final int maxChunkSize;

    public ChunkedEncoder(int maxChunkSize) {
        if (maxChunkSize < 1) {
            throw new IllegalArgumentException("maxChunkSize must be positive: " + maxChunkSize);
        }
        this.maxChunkSize = maxChunkSize;
    }

    public ChunkedEncoder() {
        this(DEFAULT_CHUNK_SIZE);
    }

    @Override
    public void encode(byte[] message, OutputStream out) throws IOException {
        if (message.length == 0) {
            throw new IllegalArgumentException("a chunked message needs at least one byte");
        }
        for (int offset = 0; offset < message.length; offset += maxChunkSize) {
            int length = Math.min(maxChunkSize, message.length - offset);
            out.write(("\n#" + length + "\n").getBytes(StandardCharsets.US_ASCII));
            out.write(message, offset, length);
        }
        out.write(END_OF_CHUNKS);
        out.flush();
    }
}
