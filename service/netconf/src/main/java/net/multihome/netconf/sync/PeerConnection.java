package net.multihome.netconf.sync;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.multihome.netconf.framing.ChunkedDecoder;
import net.multihome.netconf.framing.ChunkedEncoder;
import net.multihome.netconf.framing.EndOfMessageDecoder;
import net.multihome.netconf.framing.FrameDecoder;
import net.multihome.netconf.framing.FramingException;
import net.multihome.netconf.rpc.Namespaces;
import net.multihome.netconf.xml.Dom;
import net.multihome.netconf.xml.SecureXmlParser;
import net.multihome.netconf.xml.XmlParseException;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.session.ClientSession;
import org.w3c.dom.Element;

/**
 * One NETCONF session with the peer: SSH public-key login, hello (base:1.1 only, so chunked
 * framing), then RPCs one at a time. Every wait is bounded by the timeout given.
 */
final class PeerConnection implements AutoCloseable {
    private static final int MAX_MESSAGE = 64 * 1024 * 1024;
    private static final String HELLO = "<hello xmlns=\"" + Namespaces.BASE + "\"><capabilities>"
            + "<capability>urn:ietf:params:netconf:base:1.1</capability></capabilities></hello>]]>]]>";

    /** The peer took the session but did not answer an RPC in time. */
    static final class NoReply extends IOException {
        NoReply(String message) {
            super(message);
        }
    }

    private final ClientSession session;
    private final ChannelSubsystem channel;
    private final Duration timeout;
    private final LinkedBlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
    private final SecureXmlParser parser = new SecureXmlParser();
    private FrameDecoder decoder = new EndOfMessageDecoder(MAX_MESSAGE);
    private ByteBuffer pending = ByteBuffer.allocate(0);
    private long messageId;

    private PeerConnection(ClientSession session, Duration timeout) throws IOException {
        this.session = session;
        this.timeout = timeout;
        this.channel = session.createSubsystemChannel("netconf");
        channel.setOut(new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                received.add(Arrays.copyOfRange(b, off, off + len));
            }
        });
        channel.open().verify(timeout);
    }

    /**
     * Logs in to {@code host:port} as {@code user} with {@code key} and exchanges hellos.
     *
     * @throws IOException when the peer cannot be reached, refuses the login or the hello
     */
    static PeerConnection open(SshClient client, String host, int port, String user, KeyPair key, Duration timeout)
            throws IOException {
        ClientSession session = client.connect(user, host, port).verify(timeout).getSession();
        try {
            session.addPublicKeyIdentity(key);
            session.auth().verify(timeout);
            PeerConnection connection = new PeerConnection(session, timeout);
            connection.hello();
            return connection;
        } catch (IOException | RuntimeException e) {
            session.close(true);
            throw e;
        }
    }

    private void hello() throws IOException {
        String hello = new String(next(), UTF_8);
        if (!hello.contains("urn:ietf:params:netconf:base:1.1")) {
            throw new IOException("the peer's NETCONF server does not speak base:1.1");
        }
        send(HELLO.getBytes(UTF_8));
        decoder = new ChunkedDecoder(MAX_MESSAGE);
    }

    /** Sends one operation (the XML inside {@code <rpc>}) and waits for its reply. */
    PeerReply rpc(String operation) throws IOException {
        String id = Long.toString(++messageId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ChunkedEncoder().encode(("<rpc message-id=\"" + id + "\" xmlns=\"" + Namespaces.BASE + "\">"
                + operation + "</rpc>").getBytes(UTF_8), out);
        send(out.toByteArray());
        Element reply;
        try {
            reply = parser.parse(next()).getDocumentElement();
        } catch (XmlParseException e) {
            throw new IOException("the peer's reply is no XML: " + e.getMessage(), e);
        }
        if (!Dom.is(reply, Namespaces.BASE, "rpc-reply") || !id.equals(reply.getAttribute("message-id"))) {
            throw new IOException("unexpected message from the peer: <" + reply.getLocalName() + ">");
        }
        List<String> errors = new ArrayList<>();
        List<String> errorTags = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (Element child : Dom.children(reply)) {
            if (Dom.is(child, Namespaces.BASE, "rpc-error")) {
                errors.add(Dom.child(child, Namespaces.BASE, "error-message").map(Dom::text)
                        .or(() -> Dom.child(child, Namespaces.BASE, "error-tag").map(Dom::text)).orElse("error"));
                Dom.child(child, Namespaces.BASE, "error-tag").map(Dom::text).ifPresent(errorTags::add);
                Dom.child(child, Namespaces.BASE, "error-app-tag").map(Dom::text).ifPresent(tags::add);
            }
        }
        return new PeerReply(reply, errors, errorTags, tags);
    }

    private void send(byte[] bytes) throws IOException {
        OutputStream in = channel.getInvertedIn();
        in.write(bytes);
        in.flush();
    }

    private byte[] next() throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (pending.hasRemaining()) {
                try {
                    byte[] message = decoder.decode(pending);
                    if (message != null) {
                        return message;
                    }
                } catch (FramingException e) {
                    throw new IOException("the peer broke NETCONF framing: " + e.getMessage(), e);
                }
            }
            long left = deadline - System.nanoTime();
            if (!channel.isOpen()) {
                throw new IOException("the peer closed the session");
            }
            if (left <= 0) {
                throw new NoReply("no reply from the peer within " + timeout.toMillis() + " ms");
            }
            byte[] chunk;
            try {
                chunk = received.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (chunk != null) {
                pending = ByteBuffer.allocate(pending.remaining() + chunk.length).put(pending).put(chunk).flip();
            }
        }
    }

    /** Ends the session; the peer releases its locks and rolls back an unconfirmed commit of it. */
    @Override
    public void close() {
        session.close(true);
    }
}
