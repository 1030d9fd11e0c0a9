package net.multihome.netconf.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import net.multihome.netconf.rpc.Namespaces;
import net.multihome.netconf.testing.Polling;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.rpc.RpcHandlerRegistry;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.xml.XmlDocuments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The session protocol over in-memory pipes, with timers fired by hand. */
class ProtocolSessionTest {
    private static final String HELLO_11 = "<hello xmlns=\"" + Namespaces.BASE + "\"><capabilities>"
            + "<capability>urn:ietf:params:netconf:base:1.1</capability>"
            + "<capability>urn:example:client-feature</capability></capabilities></hello>]]>]]>";
    private static final InetSocketAddress SOURCE = new InetSocketAddress("192.0.2.7", 40000);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    private final List<Runnable> pendingTimers = new CopyOnWriteArrayList<>();
    private final Map<Long, SessionEnd> ended = new ConcurrentHashMap<>();
    private final List<Long> started = new CopyOnWriteArrayList<>();
    private final List<StreamPeer> peers = new ArrayList<>();
    private SessionManager manager;

    private SessionManager manager(int maxSessions) {
        RpcHandlerRegistry handlers = new RpcHandlerRegistry().register(Namespaces.BASE, "get",
                (request, session) -> RpcReply.data());
        SessionListener listener = new SessionListener() {
            @Override
            public void sessionStarted(NetconfSession session) {
                started.add(session.id());
            }

            @Override
            public void sessionEnded(NetconfSession session, SessionEnd end) {
                ended.put(session.id(), end);
            }
        };
        TimerService timers = (task, delay) -> {
            pendingTimers.add(task);
            return () -> pendingTimers.remove(task);
        };
        SessionLimits limits = new SessionLimits(maxSessions, Duration.ofSeconds(30), 1024 * 1024, 1024 * 1024, 64);
        manager = new SessionManager(limits, List.of("urn:example:server-feature"), handlers, listener, CLOCK,
                timers, () -> { });
        return manager;
    }

    private StreamPeer open(SessionManager sessions) throws IOException {
        StreamPeer peer = new StreamPeer();
        peers.add(peer);
        sessions.start("alice", SOURCE, peer.serverIn, peer.serverOut, peer::closeTransport);
        return peer;
    }

    @AfterEach
    void closeAll() {
        peers.forEach(StreamPeer::close);
        if (manager != null) {
            manager.close();
        }
    }

    private NetconfSession awaitLive(long id) throws InterruptedException {
        return Polling.await(() -> manager.registry().find(id).orElse(null), "session " + id + " to be live");
    }

    @Test
    void helloAndFirstChunkedRpcInOneReadAreBothServed() throws Exception {
        StreamPeer peer = open(manager(4));
        assertTrue(peer.next().contains("<session-id>1</session-id>"));
        peer.send(HELLO_11 + StreamPeer.chunked("<rpc xmlns=\"" + Namespaces.BASE + "\" message-id=\"1\"><get/></rpc>"));
        peer.expectChunked();
        assertEquals("<rpc-reply xmlns=\"" + Namespaces.BASE + "\" message-id=\"1\"><data/></rpc-reply>", peer.next());
    }

    @Test
    void whitespaceBeforeTheHelloDeclarationAndBetweenEndOfMessageFramesIsTolerated() throws Exception {
        StreamPeer peer = open(manager(4));
        peer.next();
        // As yuma123's litenc sends it: a newline, then the XML declaration.
        peer.send("\n<?xml version=\"1.0\" encoding=\"UTF-8\"?><hello xmlns=\"" + Namespaces.BASE + "\">"
                + "<capabilities><capability>urn:ietf:params:netconf:base:1.0</capability></capabilities>"
                + "</hello>]]>]]>\n\n<?xml version=\"1.0\"?>"
                + "<rpc xmlns=\"" + Namespaces.BASE + "\" message-id=\"1\"><get/></rpc>]]>]]>\n");
        assertEquals("<rpc-reply xmlns=\"" + Namespaces.BASE + "\" message-id=\"1\"><data/></rpc-reply>", peer.next());
        assertEquals(List.of(1L), started);
    }

    @Test
    void whitespaceBetweenChunkedMessagesAndBeforeTheirDeclarationIsTolerated() throws Exception {
        StreamPeer peer = open(manager(4));
        peer.next();
        peer.send(HELLO_11 + "\n\n"
                + StreamPeer.chunked("\n<?xml version=\"1.0\"?><rpc xmlns=\"" + Namespaces.BASE + "\" message-id=\"1\"><get/></rpc>")
                + "\n \n"
                + StreamPeer.chunked("<rpc xmlns=\"" + Namespaces.BASE + "\" message-id=\"2\"><get/></rpc>"));
        peer.expectChunked();
        assertEquals("<rpc-reply xmlns=\"" + Namespaces.BASE + "\" message-id=\"1\"><data/></rpc-reply>", peer.next());
        assertEquals("<rpc-reply xmlns=\"" + Namespaces.BASE + "\" message-id=\"2\"><data/></rpc-reply>", peer.next());
    }

    @Test
    void sessionKnowsUserSourceLoginTimeAndClientCapabilities() throws Exception {
        StreamPeer peer = open(manager(4));
        peer.next();
        peer.send(HELLO_11);
        NetconfSession session = awaitLive(1);
        assertEquals("alice", session.user());
        assertEquals(SOURCE, session.sourceAddress());
        assertEquals(CLOCK.instant(), session.loginTime());
        assertTrue(session.clientCapabilities().contains("urn:example:client-feature"));
        assertEquals(List.of(1L), started);
        SessionStats stats = manager.registry().stats().getFirst();
        assertEquals("192.0.2.7", stats.sourceHost());
    }

    @Test
    void helloTimeoutEndsTheSessionWithoutStartingIt() throws Exception {
        StreamPeer peer = open(manager(4));
        peer.next();
        assertEquals(1, pendingTimers.size());
        pendingTimers.getFirst().run();
        assertTrue(peer.awaitTransportClosed());
        assertEquals(TerminationReason.TIMEOUT, ended.get(1L).reason());
        assertTrue(started.isEmpty());
    }

    @Test
    void helloCancelsTheHelloTimer() throws Exception {
        StreamPeer peer = open(manager(4));
        peer.next();
        peer.send(HELLO_11);
        awaitLive(1);
        assertTrue(pendingTimers.isEmpty());
    }

    @Test
    void sessionsBeyondMaxSessionsAreClosedAtOnce() throws Exception {
        SessionManager sessions = manager(1);
        StreamPeer first = open(sessions);
        first.next();
        StreamPeer second = open(sessions);
        assertTrue(second.awaitTransportClosed());
        first.send(HELLO_11);
        assertNotNull(awaitLive(1));
        first.closeTransport();
        Polling.awaitTrue(() -> ended.containsKey(1L), "the first session to end");
        StreamPeer third = open(sessions);
        assertTrue(third.next().contains("<session-id>2</session-id>"), "the freed place is reused");
    }

    @Test
    void closeHooksRunOnceEvenWhenAddedAfterTheEnd() throws Exception {
        StreamPeer peer = open(manager(4));
        peer.next();
        peer.send(HELLO_11);
        NetconfSession session = awaitLive(1);
        AtomicInteger before = new AtomicInteger();
        session.onClose(s -> before.incrementAndGet());
        peer.expectChunked();
        peer.send(StreamPeer.chunked("<rpc xmlns=\"" + Namespaces.BASE + "\" message-id=\"c\"><close-session/></rpc>"));
        assertTrue(peer.next().contains("<ok/>"));
        assertTrue(peer.awaitTransportClosed());
        assertEquals(1, before.get());
        assertFalse(session.isOpen());
        AtomicInteger after = new AtomicInteger();
        session.onClose(s -> after.incrementAndGet());
        assertEquals(1, after.get());
        assertEquals(TerminationReason.CLOSED, ended.get(1L).reason());
    }

    @Test
    void malformedHelloEndsTheSessionAsBadHello() throws Exception {
        StreamPeer peer = open(manager(4));
        peer.next();
        peer.send(HELLO_11.replace("hello", "hullo"));
        assertTrue(peer.awaitTransportClosed());
        assertEquals(TerminationReason.BAD_HELLO, ended.get(1L).reason());
        assertTrue(manager.registry().find(1).isEmpty());
    }

    @Test
    void notificationOnAClosedSessionThrows() throws Exception {
        StreamPeer peer = open(manager(4));
        peer.next();
        peer.send(HELLO_11);
        NetconfSession session = awaitLive(1);
        peer.closeTransport();
        Polling.awaitTrue(() -> ended.containsKey(1L), "the session to end");
        var event = XmlDocuments.newDocument().createElementNS("urn:x", "e");
        assertThrows(IOException.class, () -> session.sendNotification(event, CLOCK.instant()));
        assertEquals(TerminationReason.DROPPED, ended.get(1L).reason());
    }
}
