package net.multihome.netconf.framing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ChunkedDecoderTest {
    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(UTF_8));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(UTF_8);
    }

    @Test
    void decodesRfc6242Example() throws Exception {
        ChunkedDecoder decoder = new ChunkedDecoder(1024, 1024);
        byte[] message = decoder.decode(bytes("\n#4\n<rpc\n#18\n message-id=\"102\"\n\n#79\n"
                + "     xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">\n  <close-session/>\n</rpc>\n##\n"));
        assertEquals("<rpc message-id=\"102\"\n     xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">\n"
                + "  <close-session/>\n</rpc>", new String(message, UTF_8));
    }

    @Test
    void decodesByteByByte() throws Exception {
        ChunkedDecoder decoder = new ChunkedDecoder(1024, 1024);
        byte[] wire = utf8("\n#3\nabc\n#2\nde\n##\n");
        byte[] result = null;
        for (int i = 0; i < wire.length; i++) {
            byte[] r = decoder.decode(ByteBuffer.wrap(wire, i, 1));
            if (r != null) {
                result = r;
                assertEquals(wire.length - 1, i, "message completes on the last byte");
            }
        }
        assertArrayEquals(utf8("abcde"), result);
    }

    @Test
    void twoMessagesInOneBufferComeOutOneAtATime() throws Exception {
        ChunkedDecoder decoder = new ChunkedDecoder(1024, 1024);
        ByteBuffer in = bytes("\n#1\na\n##\n\n#1\nb\n##\n");
        assertArrayEquals(utf8("a"), decoder.decode(in));
        assertArrayEquals(utf8("b"), decoder.decode(in));
        assertFalse(in.hasRemaining());
        assertNull(decoder.decode(in));
    }

    @Test
    void chunkSizeZeroIsRejected() {
        assertThrows(ChunkSizeException.class, () -> new ChunkedDecoder(1024, 1024).decode(bytes("\n#0\n\n##\n")));
    }

    @Test
    void chunkSizeTwoToTheThirtySecondIsRejected() {
        assertThrows(ChunkSizeException.class,
                () -> new ChunkedDecoder(Integer.MAX_VALUE, Integer.MAX_VALUE).decode(bytes("\n#4294967296\n")));
    }

    @Test
    void endlessDigitsAreRejectedEarly() {
        ByteBuffer in = bytes("\n#" + "9".repeat(1000));
        assertThrows(ChunkSizeException.class, () -> new ChunkedDecoder(1024, 1024).decode(in));
        assertEquals(12, in.position());
    }

    @Test
    void chunkAboveMaxChunkSizeIsRejected() {
        assertThrows(ChunkSizeException.class, () -> new ChunkedDecoder(1024, 10).decode(bytes("\n#11\n")));
    }

    @Test
    void chunksAddingUpBeyondMaxMessageSizeAreRejectedBeforeTheirData() {
        ChunkedDecoder decoder = new ChunkedDecoder(10, 10);
        assertThrows(MessageTooLargeException.class, () -> decoder.decode(bytes("\n#6\n123456\n#5\n")));
    }

    @Test
    void whitespaceBetweenMessagesIsSkipped() throws Exception {
        ChunkedDecoder decoder = new ChunkedDecoder(1024, 1024);
        ByteBuffer in = bytes("\n\n#4\n<a/>\n##\n\n \r\n\t\n#4\n<b/>\n##\n");
        assertArrayEquals("<a/>".getBytes(UTF_8), decoder.decode(in));
        assertArrayEquals("<b/>".getBytes(UTF_8), decoder.decode(in));
    }

    @Test
    void whitespaceBetweenChunksOfOneMessageIsRejected() {
        assertThrows(MalformedChunkException.class,
                () -> new ChunkedDecoder(1024, 1024).decode(bytes("\n#1\na\n\n#1\nb\n##\n")));
    }

    @Test
    void missingLineFeedAfterSizeIsRejected() {
        assertThrows(MalformedChunkException.class, () -> new ChunkedDecoder(1024, 1024).decode(bytes("\n#4<rpc")));
    }

    @Test
    void missingLeadingLineFeedIsRejected() {
        assertThrows(MalformedChunkException.class, () -> new ChunkedDecoder(1024, 1024).decode(bytes("#4\nabcd")));
    }

    @Test
    void endOfChunksWithoutLineFeedIsRejected() {
        assertThrows(MalformedChunkException.class, () -> new ChunkedDecoder(1024, 1024).decode(bytes("\n#1\na\n##x")));
    }

    @Test
    void endOfChunksWithoutAnyChunkIsRejected() {
        assertThrows(MalformedChunkException.class, () -> new ChunkedDecoder(1024, 1024).decode(bytes("\n##\n")));
    }

    @Test
    void endOfMessageFramingAfterChunkedWasAgreedIsRejected() {
        assertThrows(MalformedChunkException.class,
                () -> new ChunkedDecoder(1024, 1024).decode(bytes("<rpc/>]]>]]>")));
    }

    @Test
    void encoderSplitsIntoChunksThatTheDecoderReassembles() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ChunkedEncoder(4).encode(utf8("0123456789"), out);
        assertEquals("\n#4\n0123\n#4\n4567\n#2\n89\n##\n", out.toString(UTF_8));
        assertArrayEquals(utf8("0123456789"), new ChunkedDecoder(100, 100).decode(ByteBuffer.wrap(out.toByteArray())));
    }
}
