package net.multihome.netconf.datastore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import net.multihome.core.config.EntryCache;
import net.multihome.core.config.InvalidConfigException;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.store.StartupFile;
import net.multihome.netconf.port.ApplyOutcome;
import net.multihome.netconf.port.RunningConfigApplier;
import net.multihome.netconf.rpc.ErrorInfo;
import net.multihome.netconf.rpc.ErrorTag;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.rpc.RpcError;
import net.multihome.netconf.time.TimeSource;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The three datastores and their locks. Every operation runs under this object's lock, so an
 * edit is all-or-nothing: it works on a copy and replaces the content only once the copy
 * parsed, validated and (for running) was applied. Running changes only here, always as:
 * validate, apply through the {@link RunningConfigApplier}, then commit and tell listeners.
 */
public final class Datastores {
    private static final Logger LOG = LoggerFactory.getLogger(Datastores.class);

    private final ConfigCodec codec;
    private final SplicedEdit edits;
    /** Validation reads only the policies and providers an edit changed. */
    private final EntryCache entries = new EntryCache();
    private final StartupFile startup;
    private final RunningConfigApplier applier;
    private final TimeSource time;
    private final Map<Datastore, LockInfo> locks = new EnumMap<>(Datastore.class);
    private final List<RunningChangeListener> listeners = new CopyOnWriteArrayList<>();
    private ContainerNode running;
    private ContainerNode candidate;
    /** The session whose changes the candidate holds, until commit or discard. */
    private OptionalLong candidateChangedBy = OptionalLong.empty();

    public Datastores(ConfigCodec codec, SchemaTree schema, StartupFile startup, RunningConfigApplier applier,
                      TimeSource time, ContainerNode initialRunning) {
        this.codec = codec;
        this.edits = new SplicedEdit(codec, schema);
        this.startup = startup;
        this.applier = applier;
        this.time = time;
        this.running = initialRunning;
        this.candidate = initialRunning;
    }

    public void addListener(RunningChangeListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public ConfigCodec codec() {
        return codec;
    }

    /** The content of a datastore; startup is read from its file (empty when there is none). */
    public synchronized ContainerNode content(Datastore datastore) throws DatastoreException {
        return switch (datastore) {
            case RUNNING -> running;
            case CANDIDATE -> candidate;
            case STARTUP -> readStartup();
        };
    }

    /** The content as a {@code <multihome>} element owned by {@code owner}, or null when empty. */
    public Element element(Datastore datastore, Document owner) throws DatastoreException {
        return codec.toElement(content(datastore), owner);
    }

    public synchronized void edit(Datastore target, Element config, EditOperation defaultOperation, TestOption test,
                                  NetconfSession session) throws DatastoreException {
        checkWritable(target, session);
        ContainerNode next = edits.apply(content(target), config, defaultOperation);
        switch (target) {
            case RUNNING -> changeRunning(next, Optional.of(session), test == TestOption.TEST_ONLY);
            case CANDIDATE -> {
                if (test == TestOption.TEST_ONLY) {
                    ConfigValidation.validate(next, entries);
                } else {
                    setCandidate(next, session);
                }
            }
            case STARTUP -> throw new DatastoreException(Errors.protocol(ErrorTag.OPERATION_NOT_SUPPORTED,
                    "edit-config on startup is not supported; use copy-config"));
        }
    }

    /** copy-config: replaces a whole datastore. */
    public synchronized void copy(ContainerNode source, Datastore target, NetconfSession session)
            throws DatastoreException {
        checkWritable(target, session);
        switch (target) {
            case RUNNING -> changeRunning(source, Optional.of(session), false);
            case CANDIDATE -> setCandidate(source, session);
            case STARTUP -> {
                ConfigValidation.validate(source, entries);
                saveStartup(source);
            }
        }
    }

    /** delete-config: only startup can be deleted; it becomes an empty configuration. */
    public synchronized void deleteStartup(NetconfSession session) throws DatastoreException {
        checkWritable(Datastore.STARTUP, session);
        saveStartup(null);
    }

    /** commit: the candidate becomes running. */
    public synchronized void commit(NetconfSession session) throws DatastoreException {
        checkWritable(Datastore.RUNNING, session);
        changeRunning(candidate, Optional.of(session), false);
        candidateChangedBy = OptionalLong.empty();
    }

    /** discard-changes: the candidate goes back to running. */
    public synchronized void discardChanges(NetconfSession session) throws DatastoreException {
        checkWritable(Datastore.CANDIDATE, session);
        candidate = running;
        candidateChangedBy = OptionalLong.empty();
    }

    /**
     * Puts running to {@code content} on the server's behalf (a confirmed commit that was not
     * confirmed, a reload of startup), whatever the locks; the candidate follows.
     */
    public synchronized void rollback(ContainerNode content) throws DatastoreException {
        changeRunning(content, Optional.empty(), false);
        candidate = running;
        candidateChangedBy = OptionalLong.empty();
    }

    public synchronized void lock(Datastore datastore, NetconfSession session) throws DatastoreException {
        LockInfo held = locks.get(datastore);
        if (held != null) {
            throw new DatastoreException(Errors.protocol(ErrorTag.LOCK_DENIED, "the " + datastore.yangName()
                    + " datastore is already locked by session " + held.sessionId())
                    .withInfo(ErrorInfo.sessionId(held.sessionId())));
        }
        if (datastore == Datastore.CANDIDATE && candidateChangedBy.isPresent()
                && candidateChangedBy.getAsLong() != session.id()) {
            long owner = candidateChangedBy.getAsLong();
            throw new DatastoreException(Errors.protocol(ErrorTag.LOCK_DENIED, "the candidate holds uncommitted"
                    + " changes of session " + owner + "; commit or discard them first")
                    .withInfo(ErrorInfo.sessionId(owner)));
        }
        locks.put(datastore, new LockInfo(session.id(), time.now()));
        session.onClose(s -> sessionEnded(datastore, s));
    }

    public synchronized void unlock(Datastore datastore, NetconfSession session) throws DatastoreException {
        LockInfo held = locks.get(datastore);
        if (held == null) {
            throw new DatastoreException(Errors.protocol(ErrorTag.OPERATION_FAILED,
                    "the " + datastore.yangName() + " datastore is not locked"));
        }
        if (held.sessionId() != session.id()) {
            throw new DatastoreException(Errors.protocol(ErrorTag.OPERATION_FAILED, "the " + datastore.yangName()
                    + " datastore is locked by session " + held.sessionId())
                    .withInfo(ErrorInfo.sessionId(held.sessionId())));
        }
        locks.remove(datastore);
    }

    public synchronized Optional<LockInfo> lockOf(Datastore datastore) {
        return Optional.ofNullable(locks.get(datastore));
    }

    private void sessionEnded(Datastore datastore, NetconfSession session) {
        synchronized (this) {
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
        }
        LOG.info("session {} ended holding the {} lock; released", session.id(), datastore.yangName());
    }

    private void checkWritable(Datastore target, NetconfSession session) throws DatastoreException {
        LockInfo held = locks.get(target);
        if (held != null && held.sessionId() != session.id()) {
            throw new DatastoreException(Errors.inUse(target, held.sessionId()));
        }
    }

    private void setCandidate(ContainerNode next, NetconfSession session) {
        candidate = next;
        candidateChangedBy = OptionalLong.of(session.id());
    }

    private void changeRunning(ContainerNode next, Optional<NetconfSession> by, boolean testOnly)
            throws DatastoreException {
        MultihomeConfig config = ConfigValidation.validate(next, entries);
        if (testOnly) {
            return;
        }
        ApplyOutcome outcome = applier.apply(config);
        if (!outcome.isOk()) {
            List<RpcError> errors = outcome.errors().stream()
                    .map(message -> Errors.application(ErrorTag.OPERATION_FAILED, message)).toList();
            throw new DatastoreException(errors);
        }
        ContainerNode before = running;
        running = next;
        if (candidateChangedBy.isEmpty()) {
            candidate = next;
        }
        for (RunningChangeListener listener : listeners) {
            try {
                listener.runningChanged(before, next, by);
            } catch (RuntimeException e) {
                LOG.warn("running-change listener failed: {}", e.toString(), e);
            }
        }
    }

    private ContainerNode readStartup() throws DatastoreException {
        if (!Files.exists(startup.path())) {
            return null;
        }
        try (InputStream in = Files.newInputStream(startup.path())) {
            return codec.loader().parseData(in);
        } catch (IOException e) {
            throw new DatastoreException(Errors.application(ErrorTag.OPERATION_FAILED,
                    "cannot read the startup datastore: " + e.getMessage()));
        } catch (InvalidConfigException e) {
            throw ConfigValidation.refused(e);
        }
    }

    private void saveStartup(ContainerNode content) throws DatastoreException {
        try {
            startup.save(codec.toDocument(content));
        } catch (IOException e) {
            throw new DatastoreException(Errors.application(ErrorTag.OPERATION_FAILED,
                    "cannot write the startup datastore: " + e.getMessage()));
        }
    }
}
