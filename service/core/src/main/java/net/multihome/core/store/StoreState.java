package net.multihome.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import net.multihome.core.config.ConfigLoader;
import net.multihome.core.config.EntryCache;
import net.multihome.core.config.InvalidConfigException;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.time.Scheduler;
import net.multihome.core.yang.ConfigXml;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three datastores and their locks, touched only by the store's thread. An edit is
 * all-or-nothing: it works on immutable content and replaces it only once the result parsed,
 * validated and (for running) was applied. Running changes only here, always as: validate,
 * apply through the {@link RunningConfigApplier}, then publish and tell listeners.
 */
final class StoreState {
    private static final Logger LOG = LoggerFactory.getLogger(StoreState.class);

    /** What readers on other threads see: contents and locks after the last operation. */
    record Snapshot(ContainerNode running, ContainerNode candidate, Map<Datastore, LockInfo> locks) {
    }

    private final StartupFile startup;
    private final ConfigXml xml;
    private final ConfigLoader loader;
    private final RunningConfigApplier applier;
    private final Scheduler clock;
    /** Hands session-end hooks to the store's thread. */
    private final Executor inbox;
    private final List<RunningChangeListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Datastore, LockInfo> locks = new EnumMap<>(Datastore.class);
    /** Validation reads only the policies and providers an edit changed; store thread only. */
    private final EntryCache entries = new EntryCache();
    private ContainerNode running;
    private ContainerNode candidate;
    /** The session whose changes the candidate holds, until commit or discard. */
    private OptionalLong candidateChangedBy = OptionalLong.empty();
    private volatile Snapshot snapshot;
    private CommitHook hook = CommitHook.NONE;

    StoreState(StartupFile startup, ConfigXml xml, ConfigLoader loader, RunningConfigApplier applier,
               Scheduler clock, Executor inbox, ContainerNode initialRunning) {
        this.startup = startup;
        this.xml = xml;
        this.loader = loader;
        this.applier = applier;
        this.clock = clock;
        this.inbox = inbox;
        this.running = initialRunning;
        this.candidate = initialRunning;
        publish();
    }

    void setHook(CommitHook hook) {
        this.hook = hook;
    }

    void addListener(RunningChangeListener listener) {
        listeners.add(listener);
    }

    /** Any thread. */
    Snapshot snapshot() {
        return snapshot;
    }

    /** Startup is read from its file (empty when there is none); safe from any thread. */
    ContainerNode readStartup() throws StoreException {
        if (!Files.exists(startup.path())) {
            return null;
        }
        try (InputStream in = Files.newInputStream(startup.path())) {
            return loader.parseData(in);
        } catch (IOException e) {
            throw new StoreException(new StoreError.StorageFailed(
                    "cannot read the startup datastore: " + e.getMessage()));
        } catch (InvalidConfigException e) {
            throw StoreException.invalid(e);
        }
    }

    ContainerNode content(Datastore datastore) throws StoreException {
        return switch (datastore) {
            case RUNNING -> running;
            case CANDIDATE -> candidate;
            case STARTUP -> readStartup();
        };
    }

    <X extends Exception> void edit(Datastore target, ConfigStore.Edit<X> edit, boolean testOnly,
                                    ClientSession session) throws X, StoreException {
        checkWritable(target, session);
        ContainerNode next = edit.apply(content(target));
        switch (target) {
            case RUNNING -> changeRunning(next, new CommitHook.Origin.Client(session), testOnly);
            case CANDIDATE -> {
                if (testOnly) {
                    ConfigValidation.validate(next, entries);
                } else {
                    setCandidate(next, session);
                }
            }
            case STARTUP -> throw new StoreException(new StoreError.Unsupported(
                    "edit-config on startup is not supported; use copy-config"));
        }
    }

    /** Replaces a whole datastore. */
    void copy(ContainerNode source, Datastore target, ClientSession session) throws StoreException {
        checkWritable(target, session);
        switch (target) {
            case RUNNING -> changeRunning(source, new CommitHook.Origin.Client(session), false);
            case CANDIDATE -> setCandidate(source, session);
            case STARTUP -> {
                ConfigValidation.validate(source, entries);
                saveStartup(source);
            }
        }
    }

    /** Startup becomes an empty configuration. */
    void deleteStartup(ClientSession session) throws StoreException {
        checkWritable(Datastore.STARTUP, session);
        saveStartup(null);
    }

    /**
     * The candidate becomes running (as the commit hook prepared it: the candidate follows).
     *
     * @param syncBase present for a push of the peer: the epoch it was made on
     */
    void commit(ClientSession session, OptionalLong syncBase) throws StoreException {
        checkWritable(Datastore.RUNNING, session);
        CommitHook.Origin origin = syncBase.isPresent()
                ? new CommitHook.Origin.PeerPush(session, syncBase.getAsLong()) : new CommitHook.Origin.Client(session);
        changeRunning(candidate, origin, false);
        candidate = running;
        candidateChangedBy = OptionalLong.empty();
    }

    /** The candidate goes back to running. */
    void discardChanges(ClientSession session) throws StoreException {
        checkWritable(Datastore.CANDIDATE, session);
        candidate = running;
        candidateChangedBy = OptionalLong.empty();
    }

    /**
     * Puts running to {@code content} without a client (a confirmed commit that was not
     * confirmed, a reload of startup, config sync's own change), whatever the locks; the
     * candidate follows.
     */
    void replaceRunning(ContainerNode content, CommitHook.Origin origin) throws StoreException {
        changeRunning(content, origin, false);
        candidate = running;
        candidateChangedBy = OptionalLong.empty();
    }

    void lock(Datastore datastore, ClientSession session) throws StoreException {
        LockInfo held = locks.get(datastore);
        if (held != null) {
            throw new StoreException(new StoreError.LockDenied(datastore, held.sessionId()));
        }
        if (datastore == Datastore.CANDIDATE && candidateChangedBy.isPresent()
                && candidateChangedBy.getAsLong() != session.id()) {
            throw new StoreException(new StoreError.CandidateChanged(candidateChangedBy.getAsLong()));
        }
        locks.put(datastore, new LockInfo(session.id(), clock.now()));
        session.onEnd(() -> inbox.execute(() -> sessionEnded(datastore, session)));
    }

    void unlock(Datastore datastore, ClientSession session) throws StoreException {
        LockInfo held = locks.get(datastore);
        if (held == null) {
            throw new StoreException(new StoreError.NotLocked(datastore));
        }
        if (held.sessionId() != session.id()) {
            throw new StoreException(new StoreError.LockedByOther(datastore, held.sessionId()));
        }
        locks.remove(datastore);
    }

    /** Makes the current contents and locks what readers see. */
    void publish() {
        snapshot = new Snapshot(running, candidate, Map.copyOf(locks));
    }

    private void sessionEnded(Datastore datastore, ClientSession session) {
        LockInfo held = locks.get(datastore);
        if (held == null || held.sessionId() != session.id()) {
            return;
        }
        locks.remove(datastore);
        // RFC 6241 8.3.5.2: a candidate lock that ends with its session discards its changes.
        if (datastore == Datastore.CANDIDATE && candidateChangedBy.isPresent()
                && candidateChangedBy.getAsLong() == session.id()) {
            candidate = running;
            candidateChangedBy = OptionalLong.empty();
        }
        LOG.info("session {} ended holding the {} lock; released", session.id(), datastore.yangName());
    }

    private void checkWritable(Datastore target, ClientSession session) throws StoreException {
        LockInfo held = locks.get(target);
        if (held != null && held.sessionId() != session.id()) {
            throw new StoreException(new StoreError.InUse(target, held.sessionId()));
        }
    }

    private void setCandidate(ContainerNode next, ClientSession session) {
        candidate = next;
        candidateChangedBy = OptionalLong.of(session.id());
    }

    private void changeRunning(ContainerNode proposed, CommitHook.Origin origin, boolean testOnly)
            throws StoreException {
        ContainerNode before = running;
        ContainerNode next = hook.prepare(before, proposed, origin);
        MultihomeConfig config = ConfigValidation.validate(next, entries);
        if (testOnly) {
            return;
        }
        CommitHook.Transaction transaction = hook.begin(before, next, config, origin);
        ApplyOutcome outcome = applier.apply(config);
        if (!outcome.isOk()) {
            transaction.refused();
            throw new StoreException(outcome.errors().stream()
                    .<StoreError>map(StoreError.ApplyRefused::new).toList());
        }
        transaction.applied();
        Optional<ClientSession> by = origin.client();
        running = next;
        if (candidateChangedBy.isEmpty()) {
            candidate = next;
        }
        publish();
        for (RunningChangeListener listener : listeners) {
            try {
                listener.runningChanged(before, next, by);
            } catch (RuntimeException e) {
                LOG.warn("running-change listener failed: {}", e.toString(), e);
            }
        }
    }

    private void saveStartup(ContainerNode content) throws StoreException {
        try {
            startup.save(xml.toConfigDocument(content));
        } catch (IOException e) {
            throw new StoreException(new StoreError.StorageFailed(
                    "cannot write the startup datastore: " + e.getMessage()));
        }
    }
}
