package net.multihome.netconf.sync;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Optional;
import net.multihome.core.config.ConfigLoader;
import net.multihome.core.config.ConfigReader;
import net.multihome.core.config.InvalidConfigException;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.config.Redundancy;
import net.multihome.core.secret.ConfigSecrets;
import net.multihome.core.secret.SecretBox;
import net.multihome.core.store.CommitHook;
import net.multihome.core.store.ConfigStore;
import net.multihome.core.store.StoreError;
import net.multihome.core.store.StoreException;
import net.multihome.core.sync.EpochCheck;
import net.multihome.core.sync.FirstContact;
import net.multihome.core.sync.NodeLocalMarks;
import net.multihome.core.sync.SharedConfig;
import net.multihome.core.yang.ConfigXml;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.ssh.Ed25519KeyFile;
import net.multihome.netconf.xml.XmlDocuments;
import net.multihome.netconf.xml.XmlWriter;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Configuration sync of a redundant pair, as the store's commit hook. A change of the shared
 * configuration by a client or by the server itself (the rollback of a confirmed commit, the
 * reload of startup) raises the epoch and is pushed to the peer before it takes effect here. The
 * peer's refusal fails a client's commit, never the server's change; an unreachable peer fails
 * neither (it is retried with a bounded backoff), and an epoch refusal marks the pair diverged.
 * A push of the peer is taken only by {@link EpochCheck}'s rules, with this router's node-local
 * nodes kept. At start, and when config-sync gets enabled, the first contact with the peer
 * decides by {@link FirstContact}'s rules which of the two is behind.
 *
 * <p>Every talk with the peer runs on the {@link PeerThread}, in turn; the store's thread waits
 * for it during a commit, and no lock is held meanwhile.
 */
public final class ConfigSyncService implements CommitHook, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigSyncService.class);
    static final String CLIENT_KEY_FILE = "sync-client-key";
    static final String PEER_HOST_KEY_FILE = "sync-peer-host-key";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LAST_RETRY = Duration.ofSeconds(8);

    private final ConfigStore store;
    private final SharedConfig shared;
    private final ConfigXml xml;
    private final ConfigLoader loader;
    private final SecretBox secrets;
    private final String clientKey;
    private final SshClient client;
    private final PeerPush push;
    private final PeerThread peerThread = new PeerThread(TIMEOUT.multipliedBy(5));
    private volatile SyncState state;
    private volatile Optional<String> lastError = Optional.empty();
    /** The epoch the peer is known to run; the base of the next push. */
    private volatile long peerEpoch;
    /** Whether this router has not talked to its peer since it started or enabled config-sync. */
    private volatile boolean firstContactPending;
    /**
     * The push of a client's or the server's change that this router's store thread waits on,
     * until the peer confirms it or is rolled back; null otherwise.
     */
    private volatile Pushing pushing;
    /** Touched on the peer thread only: the delay before the next retry, null while none is scheduled. */
    private Duration retryDelay;

    private ConfigSyncService(ConfigStore store, YangSchema schema, KeyPair key, Path stateDirectory) {
        this.store = store;
        this.shared = new SharedConfig(NodeLocalMarks.of(schema));
        this.xml = new ConfigXml(schema);
        this.loader = new ConfigLoader(schema);
        this.secrets = new SecretBox(stateDirectory);
        this.clientKey = PublicKeyEntry.toString(key.getPublic());
        this.client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(new PinnedHostKey(stateDirectory.resolve(PEER_HOST_KEY_FILE)));
        client.start();
        this.push = new PeerPush(client, key, TIMEOUT, CONFIRM_TIMEOUT);
        ContainerNode running = store.running();
        this.peerEpoch = SharedConfig.epoch(running);
        this.firstContactPending = SharedConfig.syncEnabled(running);
        this.state = firstContactPending ? SyncState.PEER_UNREACHABLE : SyncState.DISABLED;
        if (firstContactPending) {
            lastError = Optional.of("not reached since this router started");
        }
    }

    /**
     * Creates the client key in {@code stateDirectory} on first start and hooks into {@code store}.
     * The peer is assumed to run this router's epoch until {@link #contactPeer} or a push says
     * otherwise.
     */
    public static ConfigSyncService start(ConfigStore store, YangSchema schema, Path stateDirectory)
            throws IOException {
        KeyPair key = Ed25519KeyFile.loadOrCreate(stateDirectory.resolve(CLIENT_KEY_FILE), "multihome config sync");
        ConfigSyncService sync = new ConfigSyncService(store, schema, key, stateDirectory);
        store.setCommitHook(sync);
        return sync;
    }

    /**
     * At start, once this router's NETCONF server listens (the peer may answer with a push):
     * asks the peer which of the two is behind, on the peer thread. Does not wait.
     */
    public void contactPeer() {
        peerThread.execute(this::firstContact);
    }

    /**
     * Why a lock asked for by {@code source} is denied at once, without waiting for the store.
     * While this router pushes its own change, its store waits on the peer; if the peer pushes one
     * too at that moment, its lock here would wait on this store as this router's lock waits on the
     * peer's, both until the RPC timeout. So the peer's lock is denied at once on both sides: both
     * commits fail {@code in-use} within a round trip and nothing changes on either router.
     */
    public Optional<String> lockRefusal(InetSocketAddress source) {
        Pushing now = pushing;
        if (now == null || source == null || !now.peer().equals(source.getAddress())
                || System.nanoTime() - now.sinceNanos() > CONFIRM_TIMEOUT.toNanos()) {
            // Past the confirm timeout the peer has rolled the push back whatever happened here.
            return Optional.empty();
        }
        return Optional.of("this router is pushing a change of its own to its peer " + now.peer().getHostAddress()
                + " (both routers committing at once)");
    }

    /** A push under way: to whom, since when (System.nanoTime). */
    private record Pushing(InetAddress peer, long sinceNanos) {
    }

    /** This router's public client key, OpenSSH form. */
    public String clientKey() {
        return clientKey;
    }

    public SyncStatus status() {
        return new SyncStatus(state, lastError, SharedConfig.epoch(store.running()), peerEpoch, clientKey);
    }

    @Override
    public ContainerNode prepare(ContainerNode before, ContainerNode next, Origin origin) throws StoreException {
        return switch (origin) {
            case Origin.PeerPush p -> take(before, next, p.base());
            case Origin.Sync s -> next;
            case Origin.Client c -> withEpoch(before, next);
            case Origin.Server s -> withEpoch(before, next);
        };
    }

    private ContainerNode withEpoch(ContainerNode before, ContainerNode next) {
        return SharedConfig.syncEnabled(next) ? shared.withNextEpoch(before, next) : next;
    }

    /** A push of the peer: its shared nodes with this router's own, if the epochs allow. */
    private ContainerNode take(ContainerNode before, ContainerNode pushed, long base) throws StoreException {
        if (!SharedConfig.syncEnabled(before)) {
            throw new StoreException(new StoreError.InvalidValue("/mh:multihome/mh:redundancy/mh:config-sync/mh:enabled",
                    "config-sync is not enabled on this router, so it takes no push of a peer"));
        }
        ContainerNode merged = shared.merge(pushed, before);
        long own = SharedConfig.epoch(before);
        long epoch = SharedConfig.epoch(pushed);
        return switch (EpochCheck.judge(own, base, epoch, shared.equalShared(merged, before))) {
            case EpochCheck.Verdict.Accept a -> merged;
            case EpochCheck.Verdict.AlreadyRunning a -> before;
            case EpochCheck.Verdict.Stale s -> throw refusedPush(state, "the push brings epoch " + epoch
                    + ", not newer than this router's " + own);
            case EpochCheck.Verdict.Diverged d when firstContactPending && Long.compareUnsigned(epoch, own) > 0 -> {
                // A push that arrives before this router's own first contact is one: the newer epoch wins.
                LOG.warn("config sync: a push of the peer (epoch {}) came before this router's first contact (epoch {}):"
                        + " taking the peer's shared configuration", epoch, own);
                yield merged;
            }
            case EpochCheck.Verdict.Diverged d when state == SyncState.PEER_UNREACHABLE -> {
                // Changed here while the peer was out of reach: the retry of that change tells whether the peer only
                // missed it (it takes the retry) or changed apart too (it refuses it, and both are diverged).
                LOG.info("config sync: refused a push of the peer made on epoch {}: this router runs epoch {}, made while"
                        + " the peer was out of reach, and pushes it again", base, own);
                throw new StoreException(new StoreError.SyncRefused("the push was made on epoch " + base + " but this"
                        + " router runs epoch " + own + ", made while the peer was out of its reach; it pushes it again"));
            }
            case EpochCheck.Verdict.Diverged d -> throw refusedPush(SyncState.DIVERGED, "diverged: the push was made"
                    + " on epoch " + base + " but this router runs epoch " + own + " (both changed apart);"
                    + " run sync-to-peer on the router whose configuration wins");
        };
    }

    private StoreException refusedPush(SyncState next, String message) {
        report(next, Optional.of("refused a push of the peer: " + message));
        return new StoreException(new StoreError.SyncRefused(message));
    }

    @Override
    public Transaction begin(ContainerNode before, ContainerNode next, MultihomeConfig config, Origin origin)
            throws StoreException {
        if (origin instanceof Origin.PeerPush || origin instanceof Origin.Sync) {
            // The peer runs this (a push it made, or the rollback of one it never confirmed).
            return applied(() -> {
                peerEpoch = SharedConfig.epoch(next);
                if (origin instanceof Origin.PeerPush) {
                    firstContactPending = false;
                    report(SyncState.IN_SYNC, Optional.empty());
                }
            });
        }
        Optional<Redundancy> pair = config.pair().filter(p -> p.configSync().enabled());
        if (pair.isEmpty()) {
            report(SyncState.DISABLED, Optional.empty());
            return Transaction.NONE;
        }
        if (!SharedConfig.syncEnabled(before)) {
            return applied(() -> {
                firstContactPending = true;
                peerEpoch = SharedConfig.epoch(next);
                report(SyncState.PEER_UNREACHABLE, Optional.of("not reached since config-sync was enabled"));
                contactPeer();
            });
        }
        long epoch = SharedConfig.epoch(next);
        if (epoch == SharedConfig.epoch(before)) {
            return Transaction.NONE;
        }
        if (state == SyncState.DIVERGED) {
            LOG.warn("config sync: diverged from the peer; epoch {} stays on this router until sync-to-peer", epoch);
            return Transaction.NONE;
        }
        Peer peer = Peer.of(pair.get());
        if (state == SyncState.PEER_UNREACHABLE && push.peerSilent() && !firstContactPending) {
            // The last login failed and the retry loop runs: committing alone now, as after a push's
            // connect timeout, without waiting for one. The loop pushes running once the peer answers.
            // Before the first contact the commit still reads the peer first (settleBeforePush).
            LOG.info("config sync: the peer {} does not answer; epoch {} is committed here alone and pushed once it"
                    + " does", peer.host(), epoch);
            return applied(() -> peerThread.execute(() -> catchUp(peer)));
        }
        // Until the first contact the peer's epoch is only assumed: settle it before pushing on it.
        Optional<Contact> contact = firstContactPending && origin instanceof Origin.Client
                ? settleBeforePush(peer, before, epoch) : Optional.empty();
        if (contact.filter(c -> c.decision() == FirstContact.Decision.DIVERGED).isPresent()) {
            return Transaction.NONE;
        }
        // Until the peer confirms or is rolled back, this store waits on it: see lockRefusal.
        pushing = new Pushing(pair.get().peerAddress(), System.nanoTime());
        PushResult result = null;
        try {
            // The base is read on the peer thread: a retry that ran there while this waited moved it on.
            result = peerThread.push(() -> push.push(peer, configText(next),
                    contact.map(Contact::peers).orElse(peerEpoch)));
        } finally {
            if (!(result instanceof PushResult.Pending)) {
                pushing = null;
            }
        }
        return switch (result) {
            case PushResult.Pending p -> new Transaction() {
                @Override
                public void applied() {
                    try {
                        confirm(p, epoch);
                    } finally {
                        pushing = null;
                    }
                }

                @Override
                public void refused() {
                    try {
                        peerThread.quietly(() -> {
                            push.cancel(p.connection());
                            return null;
                        });
                    } finally {
                        pushing = null;
                    }
                    LOG.info("config sync: this router's kernel refused epoch {}: the peer was rolled back", epoch);
                }
            };
            case PushResult.Refused r -> {
                report(SyncState.REFUSED, Optional.of(r.message()));
                if (origin instanceof Origin.Server) {
                    // A rollback or reload goes on here whatever the peer says; the next change is pushed again.
                    LOG.warn("config sync: the peer {} refused this router's own change (epoch {}); it runs here alone",
                            peer.host(), epoch);
                    yield Transaction.NONE;
                }
                throw new StoreException(new StoreError.ApplyRefused("the peer " + peer.host()
                        + " refused the configuration, so it is not committed on either router: " + r.message()));
            }
            case PushResult.EpochRefused r when origin instanceof Origin.Client
                    && r.base() == SharedConfig.epoch(before) -> {
                // Nothing changed here since the epoch both ran: the peer moved on alone while this router was
                // out of reach, so its configuration wins and loses nothing of ours; this commit was made on ours.
                long own = SharedConfig.epoch(before);
                peerThread.execute(() -> requestPeers(peer, own));
                throw new StoreException(new StoreError.PeerBusy("the peer " + peer.host() + " changed its configuration"
                        + " while this router was out of its reach and runs a newer one than this router's epoch "
                        + Long.toUnsignedString(own) + ", so this commit, made on the older one, is refused and"
                        + " nothing changed; the peer's is being taken now: retry once config-sync is in-sync"));
            }
            case PushResult.EpochRefused r -> {
                report(SyncState.DIVERGED, Optional.of(r.message()));
                yield Transaction.NONE;
            }
            case PushResult.Busy b when origin instanceof Origin.Client -> {
                // Both routers committing at once: committing here alone would leave the pair diverged.
                LOG.info("config sync: {}; the commit is refused, nothing changed", b.message());
                throw new StoreException(new StoreError.PeerBusy("the peer " + peer.host() + " is committing a change"
                        + " of its own, so this commit is refused and nothing changed on either router; retry ("
                        + b.message() + ")"));
            }
            case PushResult.Busy b -> {
                report(SyncState.PEER_UNREACHABLE, Optional.of(b.message()));
                peerThread.execute(this::startRetrying);
                yield Transaction.NONE;
            }
            case PushResult.Unreachable u -> {
                report(SyncState.PEER_UNREACHABLE, Optional.of(u.message()));
                peerThread.execute(this::startRetrying);
                yield Transaction.NONE;
            }
        };
    }

    /**
     * A client's commit before the first contact: reads the peer as the first contact does.
     * A peer that runs a newer epoch fails the commit (it was made on configuration the pair has
     * left; the first contact takes the peer's now); a diverged pair commits here alone.
     *
     * @return the contact; empty when the peer could not be read (the push finds it unreachable)
     */
    private Optional<Contact> settleBeforePush(Peer peer, ContainerNode before, long epoch) throws StoreException {
        Optional<Contact> contact;
        try {
            contact = peerThread.call(() -> firstContactPending ? Optional.of(readContact(peer, before))
                    : Optional.<Contact>empty());
        } catch (IOException e) {
            return Optional.empty();
        }
        if (contact.isEmpty()) {
            return Optional.empty();
        }
        long own = SharedConfig.epoch(before);
        long peers = contact.get().peers();
        switch (contact.get().decision()) {
            case TAKE_PEERS -> {
                peerThread.execute(this::firstContact);
                throw new StoreException(new StoreError.PeerBusy("this router started on epoch "
                        + Long.toUnsignedString(own) + " and has not yet taken its peer " + peer.host()
                        + "'s newer configuration (epoch " + Long.toUnsignedString(peers) + "), so this commit,"
                        + " made on the older one, is refused and nothing changed; it is being taken now: retry"
                        + " once config-sync is in-sync"));
            }
            case DIVERGED -> {
                firstContactPending = false;
                peerEpoch = peers;
                report(SyncState.DIVERGED, Optional.of(divergedAtContact(own)));
                LOG.warn("config sync: diverged from the peer; epoch {} stays on this router until sync-to-peer", epoch);
            }
            case IN_SYNC, PUSH -> {
            }
        }
        return contact;
    }

    /** A transaction that runs {@code then} once the change is applied here. */
    private static Transaction applied(Runnable then) {
        return new Transaction() {
            @Override
            public void applied() {
                then.run();
            }

            @Override
            public void refused() {
            }
        };
    }

    private void confirm(PushResult.Pending pending, long epoch) {
        Optional<IOException> failed = peerThread.quietly(() -> {
            push.confirm(pending);
            // Still on the peer thread, so that a retry queued there pushes on the new epoch.
            peerEpoch = epoch;
            firstContactPending = false;
            report(SyncState.IN_SYNC, Optional.empty());
            return null;
        });
        if (failed.isPresent()) {
            report(SyncState.PEER_UNREACHABLE, Optional.of("confirm: " + failed.get().getMessage()));
            peerThread.execute(this::startRetrying);
        }
    }

    /**
     * Resolves a diverged or refused sync in this router's favour: pushes its shared configuration
     * with an epoch newer than both routers' and takes that epoch here too.
     *
     * @return the epoch both routers run now
     */
    public long syncToPeer() throws IOException {
        ContainerNode running = store.running();
        Redundancy pair = syncingPair(running)
                .orElseThrow(() -> new IOException("config-sync is not enabled on this router"));
        Peer peer = Peer.of(pair);
        EpochPush pushed = peerThread.call(() -> {
            long theirs = push.readEpoch(peer);
            long epoch = Math.max(SharedConfig.epoch(running), theirs) + 1;
            return new EpochPush(epoch, push.push(peer, configText(SharedConfig.withEpoch(running, epoch)), theirs));
        });
        long epoch = pushed.epoch();
        if (!(pushed.result() instanceof PushResult.Pending pending)) {
            throw new IOException("the peer " + peer.host() + " did not take the push: " + failure(pushed.result()));
        }
        try {
            store.replaceRunning(SharedConfig.withEpoch(store.running(), epoch), new Origin.Sync());
        } catch (StoreException e) {
            peerThread.quietly(() -> {
                push.cancel(pending.connection());
                return null;
            });
            throw new IOException("this router refused its own epoch " + epoch + ": " + e.getMessage(), e);
        }
        confirm(pending, epoch);
        firstContactPending = false;
        LOG.info("config sync: pushed this router's configuration to the peer as epoch {} (sync-to-peer)", epoch);
        return epoch;
    }

    /** sync-to-peer's push and the epoch it brings. */
    private record EpochPush(long epoch, PushResult result) {
    }

    /**
     * The peer's {@code request-push}: it runs {@code peers}, older than this router's epoch (it
     * was down while the pair moved on), and asks for this router's configuration made on it.
     *
     * @return the epoch both routers run now
     */
    public long pushOnRequest(long peers) throws IOException {
        Optional<String> failed = peerThread.call(() -> {
            ContainerNode running = store.running();
            Redundancy pair = syncingPair(running)
                    .orElseThrow(() -> new IOException("config-sync is not enabled on this router"));
            long own = SharedConfig.epoch(running);
            if (Long.compareUnsigned(own, peers) <= 0) {
                throw new IOException("this router runs epoch " + Long.toUnsignedString(own)
                        + ", not newer than the peer's " + Long.toUnsignedString(peers));
            }
            LOG.info("config sync: the peer runs epoch {} and asks for this router's {}", peers, own);
            return pushHere(Peer.of(pair), running, peers);
        });
        if (failed.isPresent()) {
            throw new IOException("the peer did not take the push: " + failed.get());
        }
        return peerEpoch;
    }

    /**
     * On the peer thread, once since start or since config-sync got enabled: reads the peer's
     * running configuration and settles who is behind by {@link FirstContact}'s rules.
     */
    private void firstContact() {
        ContainerNode running = store.running();
        Optional<Redundancy> pair = syncingPair(running);
        if (!firstContactPending || pair.isEmpty()) {
            return;
        }
        Peer peer = Peer.of(pair.get());
        Contact contact;
        try {
            contact = readContact(peer, running);
        } catch (IOException | RuntimeException e) {
            report(SyncState.PEER_UNREACHABLE, Optional.of("cannot read the configuration of " + peer + ": "
                    + e.getMessage()));
            startRetrying();
            return;
        }
        long own = SharedConfig.epoch(running);
        long peers = contact.peers();
        switch (contact.decision()) {
            case IN_SYNC -> {
                firstContactPending = false;
                peerEpoch = peers;
                report(SyncState.IN_SYNC, Optional.empty());
            }
            case PUSH -> {
                LOG.info("config sync: the peer runs epoch {}, older than this router's {}: pushing", peers, own);
                if (pushHere(peer, running, peers).isEmpty()) {
                    firstContactPending = false;
                }
            }
            case TAKE_PEERS -> {
                LOG.warn("config sync: the peer runs epoch {}, newer than this router's {} (this router was down while"
                        + " the pair moved on): taking the peer's shared configuration", peers, own);
                try {
                    // The peer pushes back: its configuration with this router's node-local nodes.
                    push.requestPush(peer, own);
                    firstContactPending = false;
                } catch (IOException | RuntimeException e) {
                    report(SyncState.PEER_UNREACHABLE, Optional.of("request-push: " + e.getMessage()));
                    startRetrying();
                }
            }
            case DIVERGED -> {
                firstContactPending = false;
                peerEpoch = peers;
                report(SyncState.DIVERGED, Optional.of(divergedAtContact(own)));
            }
        }
    }

    /**
     * On the peer thread: asks the peer, whose configuration is newer than {@code own} (this
     * router has no change of its own since), to push it made on {@code own}. Should the peer
     * not answer, its own retry brings it, since it moved on while this router was out of reach.
     */
    private void requestPeers(Peer peer, long own) {
        try {
            LOG.warn("config sync: the peer moved on from epoch {} while this router was out of its reach: taking the"
                    + " peer's shared configuration", own);
            push.requestPush(peer, own);
        } catch (IOException | RuntimeException e) {
            LOG.info("config sync: request-push: {}; the peer's retry brings its configuration", e.getMessage());
        }
    }

    private static String divergedAtContact(long own) {
        return "both routers run epoch " + Long.toUnsignedString(own) + " with different shared configurations"
                + " (both changed apart); run sync-to-peer on the router whose configuration wins";
    }

    /** What the first contact found: the peer's epoch and who is behind. */
    private record Contact(FirstContact.Decision decision, long peers) {
    }

    /** On the peer thread: reads the peer's running configuration and compares it with {@code running}. */
    private Contact readContact(Peer peer, ContainerNode running) throws IOException {
        ContainerNode theirs = parsePeers(push.readRunning(peer));
        long peers = SharedConfig.epoch(theirs);
        return new Contact(FirstContact.decide(SharedConfig.epoch(running), peers, sameShared(running, theirs)), peers);
    }

    /** The peer's running configuration, read in, its passphrases masked as {@link #sameShared} compares. */
    private ContainerNode parsePeers(Optional<Element> multihome) throws IOException {
        if (multihome.isEmpty()) {
            return null;
        }
        ConfigSecrets.mask(multihome.get());
        try {
            return loader.parseData(multihome.get());
        } catch (InvalidConfigException e) {
            throw new IOException("the peer's configuration does not read: " + e.getMessage(), e);
        }
    }

    /** Whether this router's shared configuration is {@code peers} (masked), but for passphrases, sealed with other keys. */
    private boolean sameShared(ContainerNode running, ContainerNode peers) {
        if (running == null || peers == null) {
            return running == peers;
        }
        Document document = XmlDocuments.newDocument();
        xml.writeInto(running, document);
        ConfigSecrets.mask(document.getDocumentElement());
        try {
            return shared.equalShared(loader.parseData(document.getDocumentElement()), peers);
        } catch (InvalidConfigException e) {
            throw new IllegalStateException("running does not read back: " + e.getMessage(), e);
        }
    }

    /** On the peer thread: pushes {@code running} made on {@code base} and confirms it; returns why not. */
    private Optional<String> pushHere(Peer peer, ContainerNode running, long base) {
        long epoch = SharedConfig.epoch(running);
        PushResult result = push.push(peer, configText(running), base);
        if (result instanceof PushResult.Pending p) {
            try {
                push.confirm(p);
                peerEpoch = epoch;
                report(SyncState.IN_SYNC, Optional.empty());
                return Optional.empty();
            } catch (IOException e) {
                result = new PushResult.Unreachable("confirm: " + e.getMessage());
            }
        }
        String why = failure(result);
        switch (result) {
            case PushResult.Unreachable u -> {
                report(SyncState.PEER_UNREACHABLE, Optional.of(why));
                startRetrying();
            }
            case PushResult.Busy b -> {
                report(SyncState.PEER_UNREACHABLE, Optional.of(why));
                startRetrying();
            }
            case PushResult.EpochRefused r -> report(SyncState.DIVERGED, Optional.of(why));
            case PushResult.Refused r -> report(SyncState.REFUSED, Optional.of(why));
            case PushResult.Pending p -> throw new IllegalStateException("confirmed above");
        }
        return Optional.of(why);
    }

    private static String failure(PushResult result) {
        return switch (result) {
            case PushResult.Refused r -> r.message();
            case PushResult.EpochRefused r -> r.message();
            case PushResult.Unreachable u -> u.message();
            case PushResult.Busy b -> b.message();
            case PushResult.Pending p -> throw new IllegalStateException("a pending push is no failure");
        };
    }

    /**
     * On the peer thread, after a commit made here alone while the peer was silent: a retry that
     * read running before that commit may have reached the peer meanwhile and ended the loop; then
     * this pushes the commit. Otherwise the loop, still running, pushes it.
     */
    private void catchUp(Peer peer) {
        ContainerNode running = store.running();
        if (state == SyncState.IN_SYNC && SharedConfig.syncEnabled(running)
                && SharedConfig.epoch(running) != peerEpoch) {
            pushHere(peer, running, peerEpoch);
        } else if (state == SyncState.PEER_UNREACHABLE) {
            startRetrying();
        }
    }

    /** On the peer thread: the retry loop of an unreachable peer, unless one runs. */
    private void startRetrying() {
        if (retryDelay == null) {
            retryDelay = FIRST_RETRY;
            peerThread.schedule(this::retry, retryDelay);
        }
    }

    /** The first contact again while it is pending, else a push of running; with a doubling delay while unreachable. */
    private void retry() {
        ContainerNode running = store.running();
        if (state != SyncState.PEER_UNREACHABLE || !SharedConfig.syncEnabled(running)) {
            retryDelay = null;
            return;
        }
        if (firstContactPending) {
            firstContact();
        } else if (pushHere(Peer.of(syncingPair(running).orElseThrow()), running, peerEpoch).isEmpty()) {
            LOG.info("config sync: the peer is back and runs epoch {}", SharedConfig.epoch(running));
        }
        if (state != SyncState.PEER_UNREACHABLE) {
            retryDelay = null;
            return;
        }
        retryDelay = retryDelay.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retryDelay.multipliedBy(2);
        peerThread.schedule(this::retry, retryDelay);
    }

    private void report(SyncState next, Optional<String> error) {
        SyncState was = state;
        state = next;
        lastError = error.or(() -> next == SyncState.IN_SYNC ? Optional.empty() : lastError);
        if (was != next) {
            if (next == SyncState.IN_SYNC || next == SyncState.DISABLED) {
                LOG.info("config sync: {} (was {})", next.yangName(), was.yangName());
            } else {
                LOG.warn("config sync: {} (was {}): {}", next.yangName(), was.yangName(), error.orElse(""));
            }
        }
    }

    /** Running's pair when it syncs; running is valid, so reading it cannot fail. */
    private static Optional<Redundancy> syncingPair(ContainerNode running) {
        try {
            return ConfigReader.read(running).pair().filter(p -> p.configSync().enabled());
        } catch (InvalidConfigException e) {
            throw new IllegalStateException("running is invalid: " + e.getMessage(), e);
        }
    }

    /**
     * The shared configuration as a {@code <config>} for the peer, its SNMP passphrases opened:
     * they travel inside SSH and the peer seals them with its own key, keeping the stored form of
     * those it holds already, so a sync never leaves it a value sealed with a key it lacks.
     */
    private String configText(ContainerNode config) {
        Document document = XmlDocuments.newDocument();
        xml.writeInto(shared.shared(config), document);
        ConfigSecrets.reveal(document.getDocumentElement(), secrets);
        return "<config xmlns=\"" + ConfigXml.NETCONF_BASE + "\">" + XmlWriter.toString(document.getDocumentElement())
                + "</config>";
    }

    @Override
    public void close() {
        peerThread.close();
        client.stop();
    }
}
