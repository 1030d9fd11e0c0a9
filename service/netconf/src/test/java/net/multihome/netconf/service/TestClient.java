package net.multihome.netconf.service;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.parsers.DocumentBuilderFactory;
import net.multihome.netconf.testing.Polling;
import net.multihome.netconf.testing.RawClient;
import org.w3c.dom.Document;

/**
 * A NETCONF 1.1 client over MINA's SSH client for operation tests: sends an RPC, returns its
 * reply, and keeps notifications that arrive in between. Every wait is bounded.
 */
final class TestClient implements AutoCloseable {
    static final String BASE = RawClient.BASE_NS;
    static final Duration TIMEOUT = Polling.TIMEOUT;

    private final RawClient raw;
    private final Deque<String> notifications = new ArrayDeque<>();
    private final AtomicInteger messageId = new AtomicInteger(100);
    final String serverHello;
    final long sessionId;

    TestClient(int port, String user, String password) throws IOException {
        this("127.0.0.1", port, user, password);
    }

    TestClient(String host, int port, String user, String password) throws IOException {
        raw = RawClient.password(host, port, user, password);
        try {
            serverHello = raw.helloBase11();
            sessionId = raw.sessionId();
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** From now on the client takes nothing the server sends, as a stuck peer would. */
    void stopReading() {
        raw.stopReading();
    }

    /** Sends {@code <rpc>} around {@code operation} and returns the reply. */
    String rpc(String operation) throws IOException {
        String id = Integer.toString(messageId.incrementAndGet());
        raw.sendChunked("<rpc message-id=\"" + id + "\" xmlns=\"" + BASE + "\">" + operation + "</rpc>");
        while (true) {
            String message = raw.next();
            if (message.contains("<notification")) {
                notifications.add(message);
            } else {
                return message;
            }
        }
    }

    /** The next notification, waiting for it within the timeout. */
    String notification() throws IOException {
        if (!notifications.isEmpty()) {
            return notifications.poll();
        }
        String message = raw.next();
        if (!message.contains("<notification")) {
            throw new IOException("expected a notification, got " + message);
        }
        return message;
    }

    /** The next notification whose text contains {@code marker}, skipping others. */
    String notification(String marker) throws IOException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String n = notification();
            if (n.contains(marker)) {
                return n;
            }
        }
        throw new IOException("no notification with " + marker);
    }

    static Document parse(String xml) {
        try {
            return DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + xml, e);
        }
    }

    @Override
    public void close() {
        raw.close();
    }
}
