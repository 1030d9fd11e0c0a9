package net.multihome.netconf.ssh;

import static java.nio.charset.StandardCharsets.UTF_8;
import static net.multihome.netconf.testing.RawClient.BASE_NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.multihome.netconf.testing.RawClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.multihome.netconf.framing.ChunkedEncoder;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.session.SessionStats;
import net.multihome.netconf.session.TerminationReason;
import net.multihome.netconf.xml.XmlDocuments;
import net.multihome.netconf.testing.Polling;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SessionScenarioTest {
    @TempDir
    Path dir;
    private TestFixture fixture;

    @BeforeEach
    void startServer() throws Exception {
        fixture = new TestFixture(dir, b -> b);
    }

    @AfterEach
    void stopServer() throws Exception {
        fixture.close();
    }

    private static String rpc(String id, String body) {
        return "<rpc message-id=\"" + id + "\" xmlns=\"" + BASE_NS + "\">" + body + "</rpc>";
    }

    @Test
    void serverHelloAdvertisesBaseVersionsAndCallerCapabilities() throws Exception {
        try (RawClient client = fixture.connect()) {
            String hello = client.readServerHello();
            assertTrue(hello.startsWith("<hello xmlns=\"" + BASE_NS + "\">"), hello);
            assertTrue(hello.contains("<capability>urn:ietf:params:netconf:base:1.0</capability>"));
            assertTrue(hello.contains("<capability>urn:ietf:params:netconf:base:1.1</capability>"));
            assertTrue(hello.contains("<capability>urn:ietf:params:netconf:capability:candidate:1.0</capability>"));
            assertFalse(hello.startsWith("<?xml"));
            assertTrue(client.sessionId() > 0);
        }
    }

    @Test
    void helloAndFirstChunkedRpcInOneWriteAreBothServed() throws Exception {
        try (RawClient client = fixture.connect()) {
            client.readServerHello();
            ByteArrayOutputStream rpc = new ByteArrayOutputStream();
            new ChunkedEncoder().encode(rpc("101", "<get/>").getBytes(UTF_8), rpc);
            byte[] hello = RawClient.HELLO_11.getBytes(UTF_8);
            byte[] both = new byte[hello.length + rpc.size()];
            System.arraycopy(hello, 0, both, 0, hello.length);
            System.arraycopy(rpc.toByteArray(), 0, both, hello.length, rpc.size());
            client.send(both);
            client.expectChunked();
            String reply = client.next();
            assertTrue(reply.contains("message-id=\"101\""), reply);
            assertTrue(reply.contains("<dummy xmlns=\"urn:multihome:test\">42</dummy>"), reply);
        }
    }

    @Test
    void endOfMessageOnlyClientGetsEndOfMessageReplies() throws Exception {
        try (RawClient client = fixture.connect()) {
            client.readServerHello();
            client.send(RawClient.HELLO_10);
            client.send(rpc("1", "<get/>") + "]]>]]>");
            String reply = client.next();
            assertTrue(reply.startsWith("<rpc-reply xmlns=\"" + BASE_NS + "\" message-id=\"1\">"), reply);
            assertTrue(reply.contains("<data><dummy"), reply);
        }
    }

    @Test
    void prefixedRpcIsAcceptedAndReplyKeepsAllAttributes() throws Exception {
        try (RawClient client = fixture.session()) {
            client.sendChunked("<nc:rpc xmlns:nc=\"" + BASE_NS + "\" xmlns:ex=\"urn:ex\" message-id=\"m-7\" "
                    + "ex:user-id=\"fred\" extra=\"x\"><nc:get/></nc:rpc>");
            String reply = client.next();
            assertTrue(reply.contains("message-id=\"m-7\""), reply);
            assertTrue(reply.contains("extra=\"x\""), reply);
            assertTrue(reply.contains("xmlns:ex=\"urn:ex\"") && reply.contains("ex:user-id=\"fred\""), reply);
            assertTrue(reply.contains("<data>"), reply);
        }
    }

    @Test
    void rpcWithoutMessageIdGetsMissingAttribute() throws Exception {
        try (RawClient client = fixture.session()) {
            client.sendChunked("<rpc xmlns=\"" + BASE_NS + "\"><get/></rpc>");
            String reply = client.next();
            assertTrue(reply.contains("<error-type>rpc</error-type>"), reply);
            assertTrue(reply.contains("<error-tag>missing-attribute</error-tag>"), reply);
            assertTrue(reply.contains("<bad-attribute>message-id</bad-attribute>"), reply);
            assertTrue(reply.contains("<bad-element>rpc</bad-element>"), reply);
            assertTrue(client.get("2").contains("<data>"), "session stays usable");
        }
    }

    @Test
    void unknownOperationGetsOperationNotSupported() throws Exception {
        try (RawClient client = fixture.session()) {
            client.sendChunked(rpc("3", "<frobnicate xmlns=\"urn:nowhere\"/>"));
            String reply = client.next();
            assertTrue(reply.contains("message-id=\"3\""), reply);
            assertTrue(reply.contains("<error-tag>operation-not-supported</error-tag>"), reply);
            assertTrue(reply.contains("<bad-element>frobnicate</bad-element>"), reply);
            assertTrue(client.get("4").contains("<data>"));
        }
    }

    @Test
    void rpcWithoutNamespaceGetsUnknownNamespaceAndSessionStays() throws Exception {
        try (RawClient client = fixture.session()) {
            client.sendChunked("<rpc message-id=\"5\"><get/></rpc>");
            String reply = client.next();
            assertTrue(reply.contains("message-id=\"5\""), reply);
            assertTrue(reply.contains("<error-tag>unknown-namespace</error-tag>"), reply);
            assertTrue(reply.contains("<bad-namespace/>") || reply.contains("<bad-namespace></bad-namespace>"), reply);
            assertTrue(client.get("6").contains("<data>"));
        }
    }

    @Test
    void baseOperationWithoutNamespaceIsReadAsTheBaseOperation() throws Exception {
        try (RawClient client = fixture.session()) {
            // As ncclient sends it for Ansible's netconf_rpc "rpc: get".
            client.sendChunked("<nc:rpc xmlns:nc=\"" + BASE_NS + "\" message-id=\"8\"><get/></nc:rpc>");
            String reply = client.next();
            assertTrue(reply.contains("message-id=\"8\"") && reply.contains("<data>"), reply);
            assertFalse(reply.contains("<rpc-error>"), reply);
        }
    }

    @Test
    void unknownOperationWithoutNamespaceGetsUnknownNamespace() throws Exception {
        try (RawClient client = fixture.session()) {
            client.sendChunked("<nc:rpc xmlns:nc=\"" + BASE_NS + "\" message-id=\"8\"><frobnicate/></nc:rpc>");
            String reply = client.next();
            assertTrue(reply.contains("<error-tag>unknown-namespace</error-tag>"), reply);
            assertTrue(reply.contains("<bad-element>frobnicate</bad-element>"), reply);
            assertTrue(client.get("9").contains("<data>"), "session stays usable");
        }
    }

    @Test
    void throwingHandlerGetsOperationFailedAndSessionStays() throws Exception {
        try (RawClient client = fixture.session()) {
            client.sendChunked(rpc("9", "<explode xmlns=\"" + TestFixture.TEST_NS + "\"/>"));
            String reply = client.next();
            assertTrue(reply.contains("<error-type>application</error-type>"), reply);
            assertTrue(reply.contains("<error-tag>operation-failed</error-tag>"), reply);
            assertFalse(reply.contains("handler bug"), "internal details stay in the log");
            assertTrue(client.get("10").contains("<data>"));
        }
    }

    @Test
    void handlerErrorCarriesAllRpcErrorFields() throws Exception {
        try (RawClient client = fixture.session()) {
            client.sendChunked(rpc("11", "<refuse xmlns=\"" + TestFixture.TEST_NS + "\"/>"));
            String reply = client.next();
            assertTrue(reply.contains("<error-type>application</error-type><error-tag>lock-denied</error-tag>"
                    + "<error-severity>error</error-severity><error-app-tag>demo-tag</error-app-tag>"
                    + "<error-path xmlns:t=\"urn:multihome:test\">/t:top/t:leaf</error-path>"
                    + "<error-message xml:lang=\"en\">locked</error-message>"
                    + "<error-info><session-id>7</session-id></error-info>"), reply);
        }
    }

    @Test
    void closeSessionRepliesOkThenCloses() throws Exception {
        try (RawClient client = fixture.session()) {
            client.sendChunked(rpc("12", "<close-session/>"));
            String reply = client.next();
            assertTrue(reply.contains("<ok/>"), reply);
            assertTrue(client.awaitClosed());
            assertEquals(TerminationReason.CLOSED, awaitEnd(client.sessionId()));
        }
    }

    @Test
    void killSessionEndsTheOtherSessionAndRunsItsCloseHooks() throws Exception {
        try (RawClient victim = fixture.session(); RawClient killer = fixture.session()) {
            NetconfSession victimSession = awaitStarted(victim.sessionId());
            AtomicInteger hookRuns = new AtomicInteger();
            victimSession.onClose(s -> hookRuns.incrementAndGet());
            killer.sendChunked(rpc("13", "<kill-session><session-id>" + victim.sessionId() + "</session-id></kill-session>"));
            assertTrue(killer.next().contains("<ok/>"));
            assertEquals(1, hookRuns.get(), "hooks ran before the ok reply");
            assertTrue(victim.awaitClosed());
            assertEquals(TerminationReason.KILLED, awaitEnd(victim.sessionId()));
            assertEquals(killer.sessionId(), fixture.ended.get(victim.sessionId()).killedBy().getAsLong());
        }
    }

    @Test
    void killSessionOfItselfIsInvalidValue() throws Exception {
        try (RawClient client = fixture.session()) {
            client.sendChunked(rpc("14", "<kill-session><session-id>" + client.sessionId() + "</session-id></kill-session>"));
            String reply = client.next();
            assertTrue(reply.contains("<error-tag>invalid-value</error-tag>"), reply);
            client.sendChunked(rpc("15", "<kill-session><session-id>999999</session-id></kill-session>"));
            assertTrue(client.next().contains("<error-tag>invalid-value</error-tag>"));
            client.sendChunked(rpc("16", "<kill-session/>"));
            assertTrue(client.next().contains("<error-tag>missing-element</error-tag>"));
            assertTrue(client.get("17").contains("<data>"));
        }
    }

    @Test
    void notificationsInterleaveWithRepliesAsWholeFrames() throws Exception {
        try (RawClient client = fixture.session()) {
            NetconfSession session = awaitStarted(client.sessionId());
            Document doc = XmlDocuments.newDocument();
            Element event = doc.createElementNS(TestFixture.TEST_NS, "link-down");
            event.setTextContent("eth0");
            int notifications = 50;
            Thread sender = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < notifications; i++) {
                    try {
                        session.sendNotification(event, Instant.parse("2026-01-02T03:04:05Z"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            int rpcs = 20;
            for (int i = 0; i < rpcs; i++) {
                client.sendChunked(rpc("n" + i, "<get/>"));
            }
            int replies = 0;
            int events = 0;
            for (int i = 0; i < rpcs + notifications; i++) {
                String message = client.next();
                if (message.startsWith("<rpc-reply")) {
                    replies++;
                } else {
                    assertEquals("<notification xmlns=\"urn:ietf:params:xml:ns:netconf:notification:1.0\">"
                            + "<eventTime>2026-01-02T03:04:05Z</eventTime>"
                            + "<link-down xmlns=\"urn:multihome:test\">eth0</link-down></notification>", message);
                    events++;
                }
            }
            sender.join(TestFixture.TIMEOUT);
            assertEquals(rpcs, replies);
            assertEquals(notifications, events);
            SessionStats stats = fixture.server.sessions().stats().stream()
                    .filter(s -> s.id() == client.sessionId()).findFirst().orElseThrow();
            assertEquals(rpcs, stats.inRpcs());
            assertEquals(notifications, stats.outNotifications());
            assertEquals("admin", stats.user());
            assertEquals("127.0.0.1", stats.sourceHost());
        }
    }

    @Test
    void registryListsLiveSessionsWithCounters() throws Exception {
        try (RawClient a = fixture.session(); RawClient b = fixture.session()) {
            awaitStarted(b.sessionId());
            b.sendChunked("<rpc message-id=\"x\" xmlns=\"urn:wrong\"><get/></rpc>");
            assertTrue(b.next().contains("unknown-namespace"));
            List<SessionStats> stats = fixture.server.sessions().stats();
            assertEquals(List.of(a.sessionId(), b.sessionId()), stats.stream().map(SessionStats::id).toList());
            SessionStats sb = stats.get(1);
            assertEquals(1, sb.inBadRpcs());
            assertEquals(1, sb.outRpcErrors());
            assertEquals(0, sb.inRpcs());
        }
    }

    private NetconfSession awaitStarted(long id) throws InterruptedException {
        return Polling.await(() -> fixture.started.get(id), "session " + id + " to start");
    }

    private TerminationReason awaitEnd(long id) throws InterruptedException {
        return Polling.await(() -> fixture.ended.get(id) == null ? null : fixture.ended.get(id).reason(),
                "session " + id + " to end");
    }
}
