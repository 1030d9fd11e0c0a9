package net.multihome.netconf.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.multihome.netconf.framing.ChunkedDecoder;
import net.multihome.netconf.framing.ChunkedEncoder;
import net.multihome.netconf.framing.EndOfMessageDecoder;
import net.multihome.netconf.framing.FrameDecoder;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/**
 * A NETCONF client that sends raw bytes over MINA's SSH client and reads framed messages back
 * with the production decoders. Every wait is bounded by {@link TestFixture#TIMEOUT}.
 */
public final class RawClient implements AutoCloseable {
    public static final String BASE_NS = "urn:ietf:params:xml:ns:netconf:base:1.0";
    public static final String HELLO_11 = "<hello xmlns=\"" + BASE_NS + "\"><capabilities>"
            + "<capability>urn:ietf:params:netconf:base:1.0</capability>"
            + "<capability>urn:ietf:params:netconf:base:1.1</capability></capabilities></hello>]]>]]>";
    public static final String HELLO_10 = "<hello xmlns=\"" + BASE_NS + "\"><capabilities>"
            + "<capability>urn:ietf:params:netconf:base:1.0</capability></capabilities></hello>]]>]]>";
    private static final Pattern SESSION_ID = Pattern.compile("<session-id>(\\d+)</session-id>");

    private final SshClient client;
    private final ClientSession session;
    private final ChannelSubsystem channel;
    private final LinkedBlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
    /** Counted down when reading resumes: {@link #stopReading} makes the transport wait on it. */
    private final CountDownLatch reading = new CountDownLatch(1);
    private volatile boolean stopped;
    private FrameDecoder decoder = new EndOfMessageDecoder(64 * 1024 * 1024);
    private ByteBuffer pending = ByteBuffer.allocate(0);
    private long sessionId;

    private RawClient(SshClient client, ClientSession session) throws IOException {
        this.client = client;
        this.session = session;
        this.channel = session.createSubsystemChannel("netconf");
        channel.setOut(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                awaitReading();
                received.add(Arrays.copyOfRange(b, off, off + len));
            }
        });
        channel.open().verify(Polling.TIMEOUT);
    }

    /**
     * Behaves as a peer that stops reading: the client's transport thread waits instead of
     * taking what arrives, so the SSH window and then TCP fill up and the server's writes to
     * this session block. Until {@link #close}.
     */
    public void stopReading() {
        stopped = true;
    }

    private void awaitReading() throws IOException {
        if (!stopped) {
            return;
        }
        try {
            reading.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    public static SshClient startClient() {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        return client;
    }

    public static ClientSession connectSession(SshClient client, int port, String user) throws IOException {
        return connectSession(client, "127.0.0.1", port, user);
    }

    public static ClientSession connectSession(SshClient client, String host, int port, String user)
            throws IOException {
        return client.connect(user, host, port).verify(Polling.TIMEOUT).getSession();
    }

    public static RawClient password(int port, String user, String password) throws IOException {
        return password("127.0.0.1", port, user, password);
    }

    public static RawClient password(String host, int port, String user, String password) throws IOException {
        SshClient client = startClient();
        try {
            ClientSession session = connectSession(client, host, port, user);
            session.addPasswordIdentity(password);
            session.auth().verify(Polling.TIMEOUT);
            return new RawClient(client, session);
        } catch (IOException | RuntimeException e) {
            client.stop();
            throw e;
        }
    }

    public static RawClient publicKey(int port, String user, KeyPair key) throws IOException {
        SshClient client = startClient();
        try {
            ClientSession session = connectSession(client, port, user);
            session.addPublicKeyIdentity(key);
            session.auth().verify(Polling.TIMEOUT);
            return new RawClient(client, session);
        } catch (IOException | RuntimeException e) {
            client.stop();
            throw e;
        }
    }

    public void send(String text) throws IOException {
        send(text.getBytes(UTF_8));
    }

    public void send(byte[] bytes) throws IOException {
        OutputStream in = channel.getInvertedIn();
        in.write(bytes);
        in.flush();
    }

    /** Sends a message with chunked framing. */
    public void sendChunked(String xml) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ChunkedEncoder().encode(xml.getBytes(UTF_8), out);
        send(out.toByteArray());
    }

    /** Reads the server hello, then sends a base:1.1 hello; replies are then chunked. */
    public String helloBase11() throws IOException {
        String hello = readServerHello();
        send(HELLO_11);
        decoder = new ChunkedDecoder(64 * 1024 * 1024);
        return hello;
    }

    public String readServerHello() throws IOException {
        String hello = next();
        Matcher m = SESSION_ID.matcher(hello);
        if (!m.find()) {
            throw new IOException("server hello without session-id: " + hello);
        }
        sessionId = Long.parseLong(m.group(1));
        return hello;
    }

    /** Switches the reader to chunked framing, for tests that send their own hello. */
    public void expectChunked() {
        decoder = new ChunkedDecoder(64 * 1024 * 1024);
    }

    public long sessionId() {
        return sessionId;
    }

    /** The next framed message from the server; fails if none arrives in time. */
    public String next() throws IOException {
        long deadline = System.nanoTime() + Polling.TIMEOUT.toNanos();
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
        throw new IOException("no message from the server within " + Polling.TIMEOUT);
    }

    /** Sends a chunked get and returns the reply. */
    public String get(String messageId) throws IOException {
        sendChunked("<rpc message-id=\"" + messageId + "\" xmlns=\"" + BASE_NS + "\"><get/></rpc>");
        return next();
    }

    /** Whether the server closed the channel within the timeout. */
    public boolean awaitClosed() {
        Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Polling.TIMEOUT);
        return events.contains(ClientChannelEvent.CLOSED);
    }

    public boolean isOpen() {
        return channel.isOpen() && !channel.isClosing();
    }

    @Override
    public void close() {
        reading.countDown();
        try {
            session.close(true);
        } finally {
            client.stop();
        }
    }
}
