package net.multihome.netconf.rpc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;
import org.w3c.dom.Element;

/** The session an RPC runs in, as seen by handlers and the layers above. */
public interface NetconfSession {
    /** The RFC 6241 session-id, unique among live sessions of this server. */
    long id();

    /** The authenticated SSH user name. */
    String user();

    InetSocketAddress sourceAddress();

    Instant loginTime();

    /** Capability URIs the client listed in its hello. */
    Set<String> clientCapabilities();

    /**
     * Sends an RFC 5277 {@code <notification>} with {@code eventTime} and a copy of
     * {@code eventContent}. Safe to call from any thread; it never interleaves bytes with a reply.
     * It blocks while the client does not read (full SSH window), so send each session's
     * notifications from that session's own (virtual) thread, not from one shared thread.
     *
     * @throws IOException if the session is closed or the transport fails
     */
    void sendNotification(Element eventContent, Instant eventTime) throws IOException;

    /**
     * Runs {@code hook} once when the session ends, for whatever reason (for example to release
     * locks). A hook added after the end runs at once. Hooks must not block for long.
     */
    void onClose(Consumer<NetconfSession> hook);

    boolean isOpen();
}
