package net.multihome.netconf.service;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import net.multihome.netconf.framing.ChunkedDecoder;
import net.multihome.netconf.framing.ChunkedEncoder;
import net.multihome.netconf.framing.EndOfMessageDecoder;
import net.multihome.netconf.framing.FrameDecoder;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.w3c.dom.Document;

/**
 * A NETCONF 1.1 client over MINA's SSH client for operation tests: sends an RPC, returns its
 * reply, and keeps notifications that arrive in between. Every wait is bounded.
 */
final class TestClient implements AutoCloseable {
    static final String BASE = "urn:ietf:params:xml:ns:netconf:base:1.0";
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern SESSION_ID = Pattern.compile("<session-id>(\\d+)</session-id>");

    private final SshClient client;
    private final ClientSession session;
    private final ChannelSubsystem channel;
    private final LinkedBlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
    private final Deque<String> notifications = new ArrayDeque<>();
    private final AtomicInteger messageId = new AtomicInteger(100);
    private FrameDecoder decoder = new EndOfMessageDecoder(64 * 1024 * 1024);
    private ByteBuffer pending = ByteBuffer.allocate(0);
    final String serverHello;
    final long sessionId;

    TestClient(int port, String user, String password) throws IOException {
        this("127.0.0.1", port, user, password);
    }

    TestClient(String host, int port, String user, String password) throws IOException {
        client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        try {
            session = client.connect(user, host, port).verify(TIMEOUT).getSession();
            session.addPasswordIdentity(password);
            session.auth().verify(TIMEOUT);
            channel = session.createSubsystemChannel("netconf");
            channel.setOut(new OutputStream() {
                @Override
                public void write(int b) {
                    received.add(new byte[] {(byte) b});
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    received.add(Arrays.copyOfRange(b, off, off + len));
                }
            });
            channel.open().verify(TIMEOUT);
            serverHello = next();
            Matcher m = SESSION_ID.matcher(serverHello);
            if (!m.find()) {
                throw new IOException("hello without session-id: " + serverHello);
            }
            sessionId = Long.parseLong(m.group(1));
            send(("<hello xmlns=\"" + BASE + "\"><capabilities>"
                    + "<capability>urn:ietf:params:netconf:base:1.0</capability>"
                    + "<capability>urn:ietf:params:netconf:base:1.1</capability></capabilities></hello>]]>]]>")
                    .getBytes(UTF_8));
            decoder = new ChunkedDecoder(64 * 1024 * 1024);
        } catch (IOException | RuntimeException e) {
            client.stop();
            throw e;
        }
    }

    /** Sends {@code <rpc>} around {@code operation} and returns the reply. */
    String rpc(String operation) throws IOException {
        String id = Integer.toString(messageId.incrementAndGet());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ChunkedEncoder().encode(("<rpc message-id=\"" + id + "\" xmlns=\"" + BASE + "\">" + operation + "</rpc>")
                .getBytes(UTF_8), out);
        send(out.toByteArray());
        while (true) {
            String message = next();
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
        String message = next();
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

    private void send(byte[] bytes) throws IOException {
        OutputStream in = channel.getInvertedIn();
        in.write(bytes);
        in.flush();
    }

    private String next() throws IOException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (pending.hasRemaining()) {
                byte[] message = decoder.decode(pending);
                if (message != null) {
                    return new String(message, UTF_8);
                }
            }
            byte[] chunk;
            try {
                chunk = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (chunk != null) {
                ByteBuffer joined = ByteBuffer.allocate(pending.remaining() + chunk.length);
                joined.put(pending).put(chunk).flip();
                pending = joined;
            }
        }
        throw new IOException("no message from the server within " + TIMEOUT);
    }

    @Override
    public void close() {
        try {
            session.close(true);
        } finally {
            client.stop();
        }
    }
}
