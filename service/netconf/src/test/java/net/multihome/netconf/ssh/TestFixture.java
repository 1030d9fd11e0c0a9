package net.multihome.netconf.ssh;

import net.multihome.netconf.testing.RawClient;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import net.multihome.netconf.rpc.ErrorInfo;
import net.multihome.netconf.rpc.ErrorPath;
import net.multihome.netconf.rpc.ErrorTag;
import net.multihome.netconf.rpc.ErrorType;
import net.multihome.netconf.rpc.Namespaces;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.rpc.RpcError;
import net.multihome.netconf.rpc.RpcHandlerRegistry;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.session.SessionEnd;
import net.multihome.netconf.session.SessionListener;
import net.multihome.netconf.testing.Polling;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.w3c.dom.Element;

/** A real server on an ephemeral loopback port with a toy handler set, and what it saw. */
final class TestFixture implements AutoCloseable {
    static final String ADMIN_HASH =
            "$6$mhdemo0123$3YYhmckfgui/YbIoRrLZCX2gtc6Y2jQPDoPZRVvBDHpuzHfNNLtiQYTR2RNBNkYLDJZrXw74w1aWjIJJ8q7Wn0";
    static final String TEST_NS = "urn:multihome:test";
    static final Duration TIMEOUT = Polling.TIMEOUT;

    final NetconfServer server;
    final KeyPair userKey;
    final Map<Long, SessionEnd> ended = new ConcurrentHashMap<>();
    final Map<Long, NetconfSession> started = new ConcurrentHashMap<>();

    TestFixture(Path dir, UnaryOperator<NetconfServerBuilder> customise) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        userKey = generator.generateKeyPair();
        RpcHandlerRegistry handlers = new RpcHandlerRegistry()
                .register(Namespaces.BASE, "get", (request, session) -> {
                    Element dummy = request.operation().getOwnerDocument().createElementNS(TEST_NS, "dummy");
                    dummy.setTextContent("42");
                    return RpcReply.data(dummy);
                })
                .register(TEST_NS, "explode", (request, session) -> {
                    throw new IllegalStateException("handler bug");
                })
                .register(TEST_NS, "refuse", (request, session) -> RpcReply.error(
                        RpcError.of(ErrorType.APPLICATION, ErrorTag.LOCK_DENIED, "locked")
                                .withInfo(ErrorInfo.sessionId(7))
                                .withPath(ErrorPath.of("/t:top/t:leaf", Map.of("t", TEST_NS)))
                                .withAppTag("demo-tag")));
        UserDirectory users = UserDirectory.of(
                UserEntry.withPassword("admin", ADMIN_HASH),
                UserEntry.withKeys("keyuser", List.of(PublicKeyEntry.toString(userKey.getPublic()) + " test-key")),
                new UserEntry("nobody", Optional.empty(), List.of()));
        NetconfServerBuilder builder = NetconfServer.builder()
                .listen(InetAddress.getLoopbackAddress(), 0)
                .hostKeyFile(dir.resolve("hostkey"))
                .users(users)
                .maxAuthAttempts(3)
                .maxSessions(8)
                .helloTimeout(Duration.ofSeconds(5))
                .maxMessageSize(4 * 1024 * 1024)
                .capabilities(List.of("urn:ietf:params:netconf:capability:candidate:1.0"))
                .handlers(handlers)
                .sessionListener(new SessionListener() {
                    @Override
                    public void sessionStarted(NetconfSession session) {
                        started.put(session.id(), session);
                    }

                    @Override
                    public void sessionEnded(NetconfSession session, SessionEnd end) {
                        ended.put(session.id(), end);
                    }
                });
        server = customise.apply(builder).build();
        server.start();
    }

    RawClient connect() throws IOException {
        return RawClient.password(server.port(), "admin", "admin");
    }

    /** A client that completed a base:1.1 hello. */
    RawClient session() throws IOException {
        RawClient client = connect();
        client.helloBase11();
        return client;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
