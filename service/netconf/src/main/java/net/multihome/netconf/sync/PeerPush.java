package net.multihome.netconf.sync;

import java.io.IOException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Optional;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.datastore.StoreErrors;
import net.multihome.netconf.rpc.Namespaces;
import net.multihome.netconf.xml.Dom;
import org.apache.sshd.client.SshClient;
import org.w3c.dom.Element;

/**
 * The push protocol's messages to the peer: lock its candidate, replace it with the shared
 * configuration, commit it confirmed with the epoch the push was made on; then confirm or
 * cancel on the same session. Ending the session before the confirm rolls the peer back, so a
 * router that dies mid-push leaves its peer as it was.
 */
final class PeerPush {
    /** The peer refuses a push's epochs with this error-app-tag. */
    static final String EPOCH_APP_TAG = StoreErrors.SYNC_EPOCH_APP_TAG;
    private static final String MH = YangSchema.NAMESPACE;

    private final SshClient client;
    private final KeyPair key;
    private final Duration timeout;
    private final Duration confirmTimeout;

    private volatile boolean silent;

    PeerPush(SshClient client, KeyPair key, Duration timeout, Duration confirmTimeout) {
        this.client = client;
        this.key = key;
        this.timeout = timeout;
        this.confirmTimeout = confirmTimeout;
    }

    /**
     * @param config the shared configuration as a {@code <config>} element's text
     * @param base the epoch the push was made on (the one the peer is known to run)
     */
    PushResult push(Peer peer, String config, long base) {
        PeerConnection connection;
        try {
            connection = open(peer, timeout);
        } catch (IOException | RuntimeException e) {
            return new PushResult.Unreachable("cannot log in to " + peer + " as " + peer.user() + ": " + e.getMessage());
        }
        try {
            PeerReply reply;
            try {
                reply = connection.rpc("<lock><target><candidate/></target></lock>");
            } catch (PeerConnection.NoReply e) {
                connection.close();
                return new PushResult.Busy(peer + " did not answer the lock of its candidate: " + e.getMessage());
            }
            if (reply.errorTags().contains("lock-denied")) {
                connection.close();
                return new PushResult.Busy(peer + " denied the lock of its candidate: " + reply.errorText());
            }
            if (reply.ok()) {
                reply = connection.rpc("<copy-config><target><candidate/></target><source>" + config
                        + "</source></copy-config>");
            }
            if (reply.ok()) {
                reply = connection.rpc("<commit><confirmed/><confirm-timeout>" + confirmTimeout.toSeconds()
                        + "</confirm-timeout>" + baseElement(base) + "</commit>");
            }
            if (reply.ok()) {
                return new PushResult.Pending(connection, base);
            }
            connection.close();
            return reply.appTags().contains(EPOCH_APP_TAG) ? new PushResult.EpochRefused(reply.errorText(), base)
                    : new PushResult.Refused(reply.errorText());
        } catch (IOException | RuntimeException e) {
            connection.close();
            return new PushResult.Unreachable(peer + ": " + e.getMessage());
        }
    }

    /**
     * Whether the last attempt to log in to the peer failed (no answer, refused, or not let in):
     * nothing this router sends reaches it until a login works again.
     */
    boolean peerSilent() {
        return silent;
    }

    private PeerConnection open(Peer peer, Duration wait) throws IOException {
        try {
            PeerConnection connection = PeerConnection.open(client, peer.host(), peer.port(), peer.user(), key, wait);
            silent = false;
            return connection;
        } catch (IOException | RuntimeException e) {
            silent = true;
            throw e;
        }
    }

    /** The confirming commit; the session ends either way. */
    void confirm(PushResult.Pending pending) throws IOException {
        try (PeerConnection connection = pending.connection()) {
            PeerReply reply = connection.rpc("<commit>" + baseElement(pending.base()) + "</commit>");
            if (!reply.ok()) {
                throw new IOException(reply.errorText());
            }
        }
    }

    /** Rolls the peer back; ending the session would too, this is at once and says so. */
    void cancel(PeerConnection connection) {
        try (connection) {
            connection.rpc("<cancel-commit/>");
        } catch (IOException | RuntimeException e) {
            // The session's end rolls the unconfirmed commit back as well.
        }
    }

    /** The peer's running configuration, its {@code <multihome>} element; empty when it runs none. */
    Optional<Element> readRunning(Peer peer) throws IOException {
        try (PeerConnection connection = open(peer, timeout)) {
            PeerReply reply = connection.rpc("<get-config><source><running/></source></get-config>");
            if (!reply.ok()) {
                throw new IOException(reply.errorText());
            }
            return find(reply.reply(), Namespaces.BASE, "data").flatMap(d -> find(d, MH, "multihome"));
        }
    }

    /**
     * Asks the peer, which runs a newer epoch, to push its configuration made on {@code own}; it
     * answers once this router took the push, so the wait covers a whole push the other way.
     */
    void requestPush(Peer peer, long own) throws IOException {
        Duration wait = timeout.multipliedBy(4);
        try (PeerConnection connection = open(peer, wait)) {
            PeerReply reply = connection.rpc("<request-push xmlns=\"" + MH + "\"><epoch>" + Long.toUnsignedString(own)
                    + "</epoch></request-push>");
            if (!reply.ok()) {
                throw new IOException(reply.errorText());
            }
        }
    }

    /** The epoch the peer runs. */
    long readEpoch(Peer peer) throws IOException {
        try (PeerConnection connection = open(peer, timeout)) {
            PeerReply reply = connection.rpc("<get-config><source><running/></source><filter type=\"subtree\">"
                    + "<multihome xmlns=\"" + MH + "\"><redundancy><config-sync><epoch/></config-sync></redundancy>"
                    + "</multihome></filter></get-config>");
            if (!reply.ok()) {
                throw new IOException(reply.errorText());
            }
            return find(reply.reply(), Namespaces.BASE, "data").flatMap(d -> find(d, MH, "multihome"))
                    .flatMap(m -> find(m, MH, "redundancy")).flatMap(r -> find(r, MH, "config-sync"))
                    .flatMap(s -> find(s, MH, "epoch")).map(e -> Long.parseUnsignedLong(Dom.text(e).trim()))
                    .orElse(0L);
        }
    }

    private static Optional<Element> find(Element parent, String namespace, String name) {
        return Dom.child(parent, namespace, name);
    }

    private static String baseElement(long base) {
        return "<sync-base-epoch xmlns=\"" + MH + "\">" + Long.toUnsignedString(base) + "</sync-base-epoch>";
    }
}
