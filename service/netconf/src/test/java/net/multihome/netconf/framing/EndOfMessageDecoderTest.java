package net.multihome.netconf.framing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class EndOfMessageDecoderTest {
    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(UTF_8));
    }

    @Test
    void decodesOneMessageAndLeavesTheRestUnread() throws Exception {
        EndOfMessageDecoder decoder = new EndOfMessageDecoder(1024);
        ByteBuffer in = bytes("<hello/>]]>]]>\n#4\n<a/>");
        assertArrayEquals("<hello/>".getBytes(UTF_8), decoder.decode(in));
        assertEquals("\n#4\n<a/>", UTF_8.decode(in).toString());
    }

    @Test
    void whitespaceBeforeAndBetweenMessagesIsSkipped() throws Exception {
        EndOfMessageDecoder decoder = new EndOfMessageDecoder(1024);
        ByteBuffer in = bytes("\n \t\r\n<?xml version=\"1.0\"?><a/>]]>]]>\n\n<b/>]]>]]>");
        assertArrayEquals("<?xml version=\"1.0\"?><a/>".getBytes(UTF_8), decoder.decode(in));
        assertArrayEquals("<b/>".getBytes(UTF_8), decoder.decode(in));
    }

    @Test
    void whitespaceInsideAMessageIsKept() throws Exception {
        assertArrayEquals("<a> </a>\n".getBytes(UTF_8), new EndOfMessageDecoder(1024).decode(bytes("<a> </a>\n]]>]]>")));
    }

    @Test
    void messageSplitAcrossReadsIsReassembled() throws Exception {
        EndOfMessageDecoder decoder = new EndOfMessageDecoder(1024);
        assertNull(decoder.decode(bytes("<a>x]]>]")));
        assertNull(decoder.decode(bytes("]")));
        assertArrayEquals("<a>x".getBytes(UTF_8), decoder.decode(bytes(">")));
        assertArrayEquals("b".getBytes(UTF_8), decoder.decode(bytes("b]]>]]>")));
    }

    @Test
    void partialDelimiterInsideContentIsKept() throws Exception {
        EndOfMessageDecoder decoder = new EndOfMessageDecoder(1024);
        assertArrayEquals("a]]>b]]".getBytes(UTF_8), decoder.decode(bytes("a]]>b]]]]>]]>")));
    }

    @Test
    void messageAtTheLimitPassesAndOneByteMoreIsRejected() throws Exception {
        assertArrayEquals("12345".getBytes(UTF_8), new EndOfMessageDecoder(5).decode(bytes("12345]]>]]>")));
        assertThrows(MessageTooLargeException.class, () -> new EndOfMessageDecoder(5).decode(bytes("123456]]>]]>")));
    }

    @Test
    void endlessMessageIsRejectedAtTheLimitWithoutBufferingTheRest() throws Exception {
        EndOfMessageDecoder decoder = new EndOfMessageDecoder(1000);
        ByteBuffer in = ByteBuffer.allocate(100_000);
        assertThrows(MessageTooLargeException.class, () -> decoder.decode(in));
        assertEquals(1006, in.position(), "stops reading right after the limit");
    }

    @Test
    void encoderAppendsTheDelimiter() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EndOfMessageEncoder().encode("<a/>".getBytes(UTF_8), out);
        assertEquals("<a/>]]>]]>", out.toString(UTF_8));
    }
}
