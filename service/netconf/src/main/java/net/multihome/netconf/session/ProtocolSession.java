package net.multihome.netconf.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import net.multihome.netconf.framing.ChunkedDecoder;
import net.multihome.netconf.framing.ChunkedEncoder;
import net.multihome.netconf.framing.EndOfMessageDecoder;
import net.multihome.netconf.framing.EndOfMessageEncoder;
import net.multihome.netconf.framing.FrameDecoder;
import net.multihome.netconf.framing.FrameEncoder;
import net.multihome.netconf.framing.FramingException;
import net.multihome.netconf.rpc.Namespaces;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.xml.SecureXmlParser;
import net.multihome.netconf.xml.XmlDocuments;
import net.multihome.netconf.xml.XmlParseException;
import net.multihome.netconf.xml.XmlWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One NETCONF session over a pair of streams. A single reader thread runs {@link #run()}:
 * hello exchange, then one RPC after another. Replies and notifications share one writer lock
 * so their frames never interleave.
 */
final class ProtocolSession implements NetconfSession, SessionHandle {
    private static final Logger LOG = LoggerFactory.getLogger(ProtocolSession.class);
    private static final int READ_BUFFER = 16 * 1024;

    private final long id;
    private final String user;
    private final InetSocketAddress source;
    private final Instant loginTime;
    private final InputStream in;
    private final OutputStream out;
    private final Runnable closeTransport;
    private final SessionContext context;
    private final SecureXmlParser parser;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final List<Consumer<NetconfSession>> closeHooks = new CopyOnWriteArrayList<>();
    private final AtomicLong inRpcs = new AtomicLong();
    private final AtomicLong inBadRpcs = new AtomicLong();
    private final AtomicLong outRpcErrors = new AtomicLong();
    private final AtomicLong outNotifications = new AtomicLong();

    private FrameDecoder decoder;
    private volatile FrameEncoder encoder = new EndOfMessageEncoder();
    private volatile Set<String> clientCapabilities = Set.of();
    private volatile boolean helloDone;
    private volatile Runnable cancelHelloTimer;
    private boolean closeAfterReply;
    private boolean base11;

    ProtocolSession(long id, String user, InetSocketAddress source, InputStream in, OutputStream out,
                    Runnable closeTransport, SessionContext context) {
        this.id = id;
        this.user = user;
        this.source = source;
        this.loginTime = context.clock().instant();
        this.in = in;
        this.out = out;
        this.closeTransport = closeTransport;
        this.context = context;
        this.parser = new SecureXmlParser(context.limits().maxXmlDepth(), context.limits().maxMessageSize());
        this.decoder = new EndOfMessageDecoder(context.limits().maxMessageSize());
    }

    /** The reader loop; returns when the session has ended. */
    void run() {
        try {
            cancelHelloTimer = context.timers().schedule(() -> {
                if (!helloDone) {
                    terminate(SessionEnd.of(TerminationReason.TIMEOUT, "no hello within " + context.limits().helloTimeout()));
                }
            }, context.limits().helloTimeout());
            send(Hello.server(context.capabilities(), id));
            readLoop();
        } catch (FramingException e) {
            if (!helloDone) {
                context.registry().inBadHellos.increment();
            }
            terminate(SessionEnd.of(helloDone ? TerminationReason.OTHER : TerminationReason.BAD_HELLO,
                    "framing: " + e.getMessage()));
        } catch (IOException e) {
            terminate(SessionEnd.of(TerminationReason.DROPPED, "transport: " + e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("session {} failed", id, e);
            terminate(SessionEnd.of(TerminationReason.OTHER, "internal error: " + e));
        } finally {
            // Reached with the session open only if an Error escaped; the session must not leak.
            terminate(SessionEnd.of(TerminationReason.OTHER, "reader thread ended"));
        }
    }

    private void readLoop() throws IOException {
        byte[] buffer = new byte[READ_BUFFER];
        while (open.get()) {
            int n = in.read(buffer);
            if (n < 0) {
                terminate(SessionEnd.of(TerminationReason.DROPPED, "transport closed by the client"));
                return;
            }
            ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
            // The decoder may change after the hello, in the middle of this buffer.
            while (bytes.hasRemaining() && open.get()) {
                byte[] message = decoder.decode(bytes);
                if (message != null) {
                    onMessage(message);
                }
            }
        }
    }

    private void onMessage(byte[] message) throws IOException {
        if (!helloDone) {
            onHello(message);
            return;
        }
        Document doc;
        try {
            doc = parser.parse(message);
        } catch (XmlParseException e) {
            inBadRpcs.incrementAndGet();
            context.registry().inBadRpcs.increment();
            sendReply(RpcDispatcher.malformed(e.getMessage(), base11));
            // RFC 6241 section 4.3 malformed-message: the server then closes the session.
            terminate(SessionEnd.of(TerminationReason.OTHER, "malformed XML: " + e.getMessage()));
            return;
        }
        RpcDispatcher.Outcome outcome = context.dispatcher().dispatch(doc, this);
        if (outcome.badRpc()) {
            inBadRpcs.incrementAndGet();
            context.registry().inBadRpcs.increment();
        } else {
            inRpcs.incrementAndGet();
            context.registry().inRpcs.increment();
        }
        sendReply(outcome);
        if (closeAfterReply) {
            terminate(SessionEnd.of(TerminationReason.CLOSED, "close-session"));
        }
    }

    private void onHello(byte[] message) {
        try {
            clientCapabilities = Hello.parseClient(parser.parse(message));
        } catch (XmlParseException | Hello.BadHelloException e) {
            context.registry().inBadHellos.increment();
            terminate(SessionEnd.of(TerminationReason.BAD_HELLO, e.getMessage()));
            return;
        }
        base11 = clientCapabilities.contains(Namespaces.CAPABILITY_BASE_1_1);
        if (base11) {
            decoder = new ChunkedDecoder(context.limits().maxMessageSize(), context.limits().maxChunkSize());
            encoder = new ChunkedEncoder();
        }
        helloDone = true;
        cancelHelloTimer();
        if (!open.get()) {
            return;
        }
        context.registry().add(this);
        if (!open.get()) {
            // Ended (hello timeout, shutdown) while we were registering.
            context.registry().remove(this);
            return;
        }
        try {
            context.listener().sessionStarted(this);
        } catch (RuntimeException e) {
            LOG.warn("session {}: listener failed on start", id, e);
        }
    }

    void closeAfterReply() {
        closeAfterReply = true;
    }

    private void sendReply(RpcDispatcher.Outcome outcome) throws IOException {
        if (outcome.hasErrors()) {
            outRpcErrors.incrementAndGet();
            context.registry().outRpcErrors.increment();
        }
        send(outcome.replyBytes());
    }

    private void send(Document doc) throws IOException {
        send(XmlWriter.toBytes(doc));
    }

    private void send(byte[] bytes) throws IOException {
        writeLock.lock();
        try {
            encoder.encode(bytes, out);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void sendNotification(Element eventContent, Instant eventTime) throws IOException {
        if (!open.get() || !helloDone) {
            throw new IOException("session " + id + " is not open");
        }
        Document doc = XmlDocuments.newDocument();
        Element notification = doc.createElementNS(Namespaces.NOTIFICATION, "notification");
        Element time = doc.createElementNS(Namespaces.NOTIFICATION, "eventTime");
        time.setTextContent(eventTime.toString());
        notification.appendChild(time);
        notification.appendChild(doc.importNode(eventContent, true));
        doc.appendChild(notification);
        try {
            send(doc);
        } catch (IOException e) {
            terminate(SessionEnd.of(TerminationReason.DROPPED, "notification write failed: " + e.getMessage()));
            throw e;
        }
        outNotifications.incrementAndGet();
        context.registry().outNotifications.increment();
    }

    /**
     * Ends the session once: close hooks run and the listener is told before the transport
     * closes, so a client that sees the close and reconnects finds the locks already released.
     */
    void terminate(SessionEnd end) {
        if (!open.compareAndSet(true, false)) {
            return;
        }
        cancelHelloTimer();
        context.registry().remove(this);
        context.released();
        if (end.reason() == TerminationReason.DROPPED) {
            context.registry().droppedSessions.increment();
        }
        LOG.info("session {} of {} from {} ended: {} ({})", id, user, source, end.reason().wireName(), end.detail());
        for (Consumer<NetconfSession> hook : closeHooks) {
            // Removing first means a hook raced by onClose runs exactly once.
            if (closeHooks.remove(hook)) {
                runHook(hook);
            }
        }
        try {
            context.listener().sessionEnded(this, end);
        } catch (RuntimeException e) {
            LOG.warn("session {}: listener failed on end", id, e);
        }
        try {
            closeTransport.run();
        } catch (RuntimeException e) {
            LOG.warn("session {}: closing the transport failed", id, e);
        }
    }

    private void runHook(Consumer<NetconfSession> hook) {
        try {
            hook.accept(this);
        } catch (RuntimeException e) {
            LOG.warn("session {}: close hook failed", id, e);
        }
    }

    private void cancelHelloTimer() {
        Runnable cancel = cancelHelloTimer;
        if (cancel != null) {
            cancel.run();
        }
    }

    @Override
    public void transportClosed() {
        terminate(SessionEnd.of(TerminationReason.DROPPED, "transport closed"));
    }

    @Override
    public void onClose(Consumer<NetconfSession> hook) {
        closeHooks.add(hook);
        // A hook added while or after the session ended must still run exactly once.
        if (!open.get() && closeHooks.remove(hook)) {
            runHook(hook);
        }
    }

    SessionStats stats() {
        return new SessionStats(id, user, source.getHostString(), loginTime, inRpcs.get(), inBadRpcs.get(),
                outRpcErrors.get(), outNotifications.get());
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public InetSocketAddress sourceAddress() {
        return source;
    }

    @Override
    public Instant loginTime() {
        return loginTime;
    }

    @Override
    public Set<String> clientCapabilities() {
        return clientCapabilities;
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }
}
