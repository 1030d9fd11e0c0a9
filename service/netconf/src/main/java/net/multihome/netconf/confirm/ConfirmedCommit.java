package net.multihome.netconf.confirm;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.datastore.ConfigCodec;
import net.multihome.netconf.datastore.DatastoreException;
import net.multihome.netconf.datastore.Datastore;
import net.multihome.netconf.datastore.Datastores;
import net.multihome.netconf.datastore.Errors;
import net.multihome.netconf.rpc.ErrorInfo;
import net.multihome.netconf.rpc.ErrorTag;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.time.TimeSource;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commit and cancel-commit with RFC 6241 :confirmed-commit:1.1 semantics. While a confirmed
 * commit is pending, the running configuration from before it (the rollback point) is kept in
 * a file; it is restored when the confirm timeout passes, when the session of a commit without
 * {@code persist} ends, on cancel-commit, and by {@link #recover} after a restart.
 */
public final class ConfirmedCommit {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);
    private static final Logger LOG = LoggerFactory.getLogger(ConfirmedCommit.class);

    private final Datastores datastores;
    private final TimeSource time;
    private final RollbackFile file;
    private final ConfirmListener listener;
    private Pending pending;
    private long generation;

    /** A pending confirmed commit; {@code sessionId} matters only without persist. */
    private record Pending(ContainerNode rollbackTo, long sessionId, Optional<String> persistId, Instant deadline,
                           long generation, Runnable cancelTimer) {
    }

    /** The configuration to start from after a restart; {@code content} is null for the empty one. */
    public record RollbackPoint(ContainerNode content) {
    }

    /** What a pending confirmed commit looks like from outside. */
    public record PendingInfo(long sessionId, Optional<String> persistId, Instant deadline) {
    }

    public ConfirmedCommit(Datastores datastores, TimeSource time, Path stateDirectory, ConfirmListener listener) {
        this.datastores = datastores;
        this.time = time;
        this.file = new RollbackFile(stateDirectory, datastores.codec());
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * For the daemon at start, before it applies any configuration: if a confirmed commit was
     * pending when the daemon stopped, returns the configuration from before it (start from
     * this, not from the unconfirmed one) and removes the rollback file.
     *
     * @return the rollback point; empty when no confirmed commit was pending
     */
    public static Optional<RollbackPoint> recover(Path stateDirectory, YangSchema schema)
            throws IOException {
        RollbackFile file = new RollbackFile(stateDirectory, new ConfigCodec(schema));
        Optional<RollbackFile.Content> content = file.read();
        if (content.isPresent()) {
            file.delete();
            LOG.warn("a confirmed commit was still pending at the last stop: starting from its rollback point");
        }
        return content.map(c -> new RollbackPoint(c.rollbackTo()));
    }

    /**
     * At service start: when a rollback file is still there (the daemon did not call
     * {@link #recover}), rolls running back to it now.
     */
    public synchronized void resume() throws IOException {
        Optional<RollbackFile.Content> content = file.read();
        if (content.isEmpty()) {
            return;
        }
        try {
            datastores.rollback(content.get().rollbackTo());
            file.delete();
            LOG.warn("rolled back a confirmed commit left unconfirmed at the last stop");
        } catch (DatastoreException e) {
            LOG.error("cannot roll back an unconfirmed commit at start: {}", e.getMessage());
        }
    }

    public synchronized Optional<PendingInfo> pending() {
        return Optional.ofNullable(pending).map(p -> new PendingInfo(p.sessionId(), p.persistId(), p.deadline()));
    }

    /** The commit operation, confirmed or not. */
    public synchronized void commit(CommitRequest request, NetconfSession session) throws DatastoreException {
        authorize(request.persistId(), session);
        if (!request.confirmed()) {
            datastores.commit(session);
            if (pending != null) {
                finish();
                listener.confirmEvent(ConfirmEvent.COMPLETE, Optional.of(session), Optional.empty());
            }
            return;
        }
        Duration timeout = request.timeout().orElse(DEFAULT_TIMEOUT);
        ContainerNode rollbackTo = pending != null ? pending.rollbackTo() : datastores.content(Datastore.RUNNING);
        Instant deadline = time.now().plus(timeout);
        // The rollback point reaches the disk before running changes, so a crash in between still rolls back.
        writeFile(new RollbackFile.Content(rollbackTo, deadline, request.persist()));
        try {
            datastores.commit(session);
        } catch (DatastoreException e) {
            if (pending == null) {
                deleteFile();
            } else {
                writeFile(new RollbackFile.Content(rollbackTo, pending.deadline(), pending.persistId()));
            }
            throw e;
        }
        boolean extend = pending != null;
        if (extend) {
            pending.cancelTimer().run();
        }
        long gen = ++generation;
        Runnable cancel = time.schedule(timeout, () -> expire(gen));
        pending = new Pending(rollbackTo, session.id(), request.persist(), deadline, gen, cancel);
        if (request.persist().isEmpty()) {
            session.onClose(s -> sessionEnded(s, gen));
        }
        listener.confirmEvent(extend ? ConfirmEvent.EXTEND : ConfirmEvent.START, Optional.of(session),
                Optional.of(timeout));
    }

    /** cancel-commit: rolls back the pending confirmed commit now. */
    public synchronized void cancel(Optional<String> persistId, NetconfSession session) throws DatastoreException {
        if (pending == null) {
            throw new DatastoreException(Errors.protocol(ErrorTag.OPERATION_FAILED,
                    "no confirmed commit is pending"));
        }
        authorize(persistId, session);
        rollback();
        listener.confirmEvent(ConfirmEvent.CANCEL, Optional.of(session), Optional.empty());
    }

    private void authorize(Optional<String> persistId, NetconfSession session) throws DatastoreException {
        if (pending == null) {
            if (persistId.isPresent()) {
                throw new DatastoreException(Errors.protocol(ErrorTag.INVALID_VALUE,
                        "no confirmed commit with this persist-id is pending"));
            }
            return;
        }
        if (pending.persistId().isPresent()) {
            if (!pending.persistId().equals(persistId)) {
                throw new DatastoreException(Errors.protocol(ErrorTag.INVALID_VALUE, persistId.isEmpty()
                        ? "a persistent confirmed commit is pending: give its persist-id"
                        : "the persist-id does not match the pending confirmed commit"));
            }
        } else if (persistId.isPresent()) {
            throw new DatastoreException(Errors.protocol(ErrorTag.INVALID_VALUE,
                    "the pending confirmed commit has no persist-id"));
        } else if (pending.sessionId() != session.id()) {
            throw new DatastoreException(Errors.protocol(ErrorTag.IN_USE, "a confirmed commit of session "
                    + pending.sessionId() + " is pending; only that session can confirm or cancel it")
                    .withInfo(ErrorInfo.sessionId(pending.sessionId())));
        }
    }

    private void expire(long gen) {
        synchronized (this) {
            if (pending == null || pending.generation() != gen) {
                return;
            }
            LOG.warn("confirmed commit of session {} was not confirmed in time: rolling back", pending.sessionId());
            rollback();
        }
        listener.confirmEvent(ConfirmEvent.TIMEOUT, Optional.empty(), Optional.empty());
    }

    private void sessionEnded(NetconfSession session, long gen) {
        synchronized (this) {
            if (pending == null || pending.generation() != gen || pending.persistId().isPresent()) {
                return;
            }
            LOG.warn("session {} ended before confirming its commit: rolling back", session.id());
            rollback();
        }
        listener.confirmEvent(ConfirmEvent.CANCEL, Optional.of(session), Optional.empty());
    }

    private void rollback() {
        Pending was = pending;
        was.cancelTimer().run();
        pending = null;
        try {
            datastores.rollback(was.rollbackTo());
            deleteFile();
        } catch (DatastoreException e) {
            // The file stays: a restart tries the rollback again.
            LOG.error("rollback of an unconfirmed commit failed: {}", e.getMessage());
        }
    }

    private void finish() {
        pending.cancelTimer().run();
        pending = null;
        deleteFile();
    }

    private void writeFile(RollbackFile.Content content) throws DatastoreException {
        try {
            file.write(content);
        } catch (IOException e) {
            throw new DatastoreException(Errors.application(ErrorTag.OPERATION_FAILED,
                    "cannot save the rollback point: " + e.getMessage()));
        }
    }

    private void deleteFile() {
        try {
            file.delete();
        } catch (IOException e) {
            LOG.error("cannot remove {}: {}", file.path(), e.toString());
        }
    }
}
