package net.multihome.netconf.ssh;

import static net.multihome.netconf.testing.RawClient.BASE_NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.multihome.netconf.testing.RawClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import net.multihome.netconf.session.TerminationReason;
import net.multihome.netconf.testing.Polling;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each attack gets an rpc-error or a closed session, and a session opened before the attack
 * still answers a get afterwards.
 */
class HostileInputTest {
    @TempDir
    Path dir;
    private TestFixture fixture;
    private RawClient bystander;

    @BeforeEach
    void startServerAndBystander() throws Exception {
        fixture = new TestFixture(dir, b -> b.helloTimeout(Duration.ofSeconds(1)));
        bystander = fixture.session();
        assertTrue(bystander.get("before").contains("<data>"));
    }

    @AfterEach
    void bystanderStillWorksThenStop() throws Exception {
        try {
            String reply = bystander.get("after");
            assertTrue(reply.contains("message-id=\"after\"") && reply.contains("<data>"), reply);
        } finally {
            try {
                bystander.close();
            } finally {
                fixture.close();
            }
        }
    }

    /** Sends a well-framed message that is bad XML; expects malformed-message, then the close. */
    private String expectMalformedThenClosed(String xml) throws Exception {
        try (RawClient attacker = fixture.session()) {
            attacker.sendChunked(xml);
            String reply = attacker.next();
            assertTrue(reply.contains("<error-tag>malformed-message</error-tag>"), reply);
            assertTrue(attacker.awaitClosed(), "session closed after malformed-message");
            assertEquals(TerminationReason.OTHER, awaitEnd(attacker.sessionId()));
            return reply;
        }
    }

    private void expectClosed(RawClient attacker, TerminationReason reason) throws Exception {
        assertTrue(attacker.awaitClosed(), "session closed");
        assertEquals(reason, awaitEnd(attacker.sessionId()));
    }

    private TerminationReason awaitEnd(long id) throws InterruptedException {
        return Polling.await(() -> fixture.ended.get(id) == null ? null : fixture.ended.get(id).reason(),
                "session " + id + " to end");
    }

    @Test
    void dtdWithInternalEntityIsRefused() throws Exception {
        expectMalformedThenClosed("<!DOCTYPE rpc [<!ENTITY x \"get\">]>"
                + "<rpc message-id=\"1\" xmlns=\"" + BASE_NS + "\"><get>&x;</get></rpc>");
    }

    @Test
    void externalEntityIsNeverRead() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOPSECRET-XXE");
        String reply = expectMalformedThenClosed("<!DOCTYPE rpc [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">"
                + "<!ENTITY y SYSTEM \"file:///etc/passwd\">]>"
                + "<rpc message-id=\"1\" xmlns=\"" + BASE_NS + "\"><get>&x;&y;</get></rpc>");
        assertFalse(reply.contains("TOPSECRET") || reply.contains("root:"), reply);
    }

    /** Not hostile, but odd: yuma123's litenc sends a newline before its hello's XML declaration. */
    @Test
    void helloAfterANewlineAndRpcsWithWhitespaceBetweenThemAreServed() throws Exception {
        try (RawClient litenc = fixture.connect()) {
            litenc.readServerHello();
            litenc.send("\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + RawClient.HELLO_10
                    + "\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<rpc message-id=\"1\" xmlns=\"" + BASE_NS + "\"><get/></rpc>]]>]]>\n");
            String reply = litenc.next();
            assertTrue(reply.contains("message-id=\"1\"") && reply.contains("<data>"), reply);
            litenc.send("\n\n<rpc message-id=\"2\" xmlns=\"" + BASE_NS + "\"><get/></rpc>]]>]]>");
            reply = litenc.next();
            assertTrue(reply.contains("message-id=\"2\"") && reply.contains("<data>"), reply);
        }
    }

    @Test
    void billionLaughsIsRefused() throws Exception {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE rpc [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        expectMalformedThenClosed(dtd + "]><rpc message-id=\"1\" xmlns=\"" + BASE_NS + "\"><get>&l10;</get></rpc>");
    }

    @Test
    void xincludeIsNotExpanded() throws Exception {
        try (RawClient attacker = fixture.session()) {
            attacker.sendChunked("<rpc message-id=\"1\" xmlns=\"" + BASE_NS + "\" xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
                    + "<xi:include href=\"file:///etc/passwd\" parse=\"text\"/></rpc>");
            String reply = attacker.next();
            assertTrue(reply.contains("<error-tag>operation-not-supported</error-tag>"), reply);
            assertFalse(reply.contains("root:"), reply);
        }
    }

    @Test
    void nestingBeyondTheDepthLimitIsRefused() throws Exception {
        expectMalformedThenClosed("<rpc message-id=\"1\" xmlns=\"" + BASE_NS + "\"><get>"
                + "<a>".repeat(100) + "</a>".repeat(100) + "</get></rpc>");
    }

    @Test
    void garbageInsideAFrameGetsMalformedMessageAndClose() throws Exception {
        expectMalformedThenClosed("this is not <xml");
    }

    @Test
    void garbageAfterHelloInsteadOfAChunkClosesTheSession() throws Exception {
        try (RawClient attacker = fixture.session()) {
            attacker.send("garbage garbage garbage");
            expectClosed(attacker, TerminationReason.OTHER);
        }
    }

    @Test
    void garbageFromBase10ClientGetsOperationFailedNotTheBase11TagAndClose() throws Exception {
        try (RawClient attacker = fixture.connect()) {
            attacker.readServerHello();
            attacker.send(RawClient.HELLO_10 + "\u0000\u0001garbage]]>]]>");
            String reply = attacker.next();
            assertTrue(reply.contains("<error-type>rpc</error-type><error-tag>operation-failed</error-tag>"), reply);
            expectClosed(attacker, TerminationReason.OTHER);
        }
    }

    @Test
    void chunkSizeZeroClosesTheSession() throws Exception {
        try (RawClient attacker = fixture.session()) {
            attacker.send("\n#0\n\n##\n");
            expectClosed(attacker, TerminationReason.OTHER);
        }
    }

    @Test
    void chunkSizeTwoToTheThirtySecondClosesTheSession() throws Exception {
        try (RawClient attacker = fixture.session()) {
            attacker.send("\n#4294967296\n<rpc");
            expectClosed(attacker, TerminationReason.OTHER);
        }
    }

    @Test
    void missingLineFeedInChunkHeaderClosesTheSession() throws Exception {
        try (RawClient attacker = fixture.session()) {
            attacker.send("\n#5<rpc/>\n##\n");
            expectClosed(attacker, TerminationReason.OTHER);
        }
    }

    @Test
    void hundredMegabyteEndOfMessageIsRejectedAtTheLimit() throws Exception {
        long sent = 0;
        try (RawClient attacker = fixture.connect()) {
            attacker.readServerHello();
            attacker.send(RawClient.HELLO_10);
            attacker.send("<rpc message-id=\"1\" xmlns=\"" + BASE_NS + "\"><get><filter>");
            byte[] block = new byte[64 * 1024];
            Arrays.fill(block, (byte) 'A');
            long total = 100L * 1024 * 1024;
            try {
                for (; sent < total && attacker.isOpen(); sent += block.length) {
                    attacker.send(block);
                }
            } catch (IOException expected) {
                // The server closed the channel while we were still writing.
            }
            expectClosed(attacker, TerminationReason.OTHER);
        }
        assertTrue(sent < 100L * 1024 * 1024, "the server stopped the upload early, sent " + sent);
    }

    @Test
    void hundredMegabyteChunkIsRejectedFromItsHeader() throws Exception {
        try (RawClient attacker = fixture.session()) {
            attacker.send("\n#104857600\n<rpc message-id=\"1\"");
            expectClosed(attacker, TerminationReason.OTHER);
        }
    }

    @Test
    void neverSendingHelloTimesOut() throws Exception {
        try (RawClient attacker = fixture.connect()) {
            attacker.readServerHello();
            expectClosed(attacker, TerminationReason.TIMEOUT);
        }
        assertEquals(0, fixture.server.sessions().statistics().inBadHellos(), "a timeout is not a bad hello");
    }

    @Test
    void garbageHelloClosesTheSession() throws Exception {
        try (RawClient attacker = fixture.connect()) {
            attacker.readServerHello();
            attacker.send("<hello xmlns=\"" + BASE_NS + "\"><capabilities><capability>urn:x</capability>"
                    + "</capabilities></hello>]]>]]>");
            expectClosed(attacker, TerminationReason.BAD_HELLO);
        }
        assertEquals(1, fixture.server.sessions().statistics().inBadHellos());
    }

    @Test
    void helloWithSessionIdClosesTheSession() throws Exception {
        try (RawClient attacker = fixture.connect()) {
            attacker.readServerHello();
            attacker.send("<hello xmlns=\"" + BASE_NS + "\"><capabilities><capability>urn:ietf:params:netconf:base:1.0"
                    + "</capability></capabilities><session-id>1</session-id></hello>]]>]]>");
            expectClosed(attacker, TerminationReason.BAD_HELLO);
        }
    }

    @Test
    void rpcBeforeHelloClosesTheSession() throws Exception {
        try (RawClient attacker = fixture.connect()) {
            attacker.readServerHello();
            attacker.send("<rpc message-id=\"1\" xmlns=\"" + BASE_NS + "\"><get/></rpc>]]>]]>");
            expectClosed(attacker, TerminationReason.BAD_HELLO);
        }
    }

    @Test
    void echoedAttributeCannotForgeAFrameEnd() throws Exception {
        try (RawClient attacker = fixture.connect()) {
            attacker.readServerHello();
            attacker.send(RawClient.HELLO_10);
            attacker.send("<rpc message-id=\"a]]&gt;]]&gt;b\" xmlns=\"" + BASE_NS + "\"><get/></rpc>]]>]]>");
            String reply = attacker.next();
            assertTrue(reply.contains("message-id=\"a]]&gt;]]&gt;b\""), reply);
            assertTrue(reply.contains("<data>"), reply);
        }
    }
}
