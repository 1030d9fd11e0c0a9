package net.multihome.core.store;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import net.multihome.core.time.Scheduler;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commit and cancel-commit with RFC 6241 :confirmed-commit:1.1 semantics, touched only by the
 * store's thread. While a confirmed commit is pending, the running configuration from before it
 * (the rollback point) is kept in a file; it is restored when the confirm timeout passes, when
 * the session of a commit without {@code persist} ends, on cancel-commit, and by
 * {@link ConfigStore#recover} or {@link #resume} after a restart.
 */
final class ConfirmedCommit {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);
    private static final Logger LOG = LoggerFactory.getLogger(ConfirmedCommit.class);

    private final StoreState state;
    private final Scheduler scheduler;
    private final RollbackFile file;
    /** Hands timeouts and session ends to the store's thread. */
    private final Executor inbox;
    private final List<ConfirmListener> listeners = new CopyOnWriteArrayList<>();
    private Pending pending;
    private long generation;

    /**
     * A pending confirmed commit; {@code sessionId} matters only without persist.
     *
     * @param peerPush whether the peer of a pair pushed it: its rollback is the peer's, not pushed back
     */
    private record Pending(ContainerNode rollbackTo, long sessionId, Optional<String> persistId, Instant deadline,
                           long generation, Scheduler.Timer timer, boolean peerPush) {
    }

    ConfirmedCommit(StoreState state, Scheduler scheduler, RollbackFile file, Executor inbox) {
        this.state = state;
        this.scheduler = scheduler;
        this.file = file;
        this.inbox = inbox;
    }

    void addListener(ConfirmListener listener) {
        listeners.add(listener);
    }

    /** When a rollback file is still there (nobody called {@link ConfigStore#recover}), rolls running back now. */
    void resume() throws IOException {
        Optional<RollbackFile.Content> content = file.read();
        if (content.isEmpty()) {
            return;
        }
        try {
            state.replaceRunning(content.get().rollbackTo(), new CommitHook.Origin.Server());
            file.delete();
            LOG.warn("rolled back a confirmed commit left unconfirmed at the last stop");
        } catch (StoreException e) {
            LOG.error("cannot roll back an unconfirmed commit at start: {}", e.getMessage());
        }
    }

    Optional<ConfigStore.PendingCommit> pending() {
        return Optional.ofNullable(pending)
                .map(p -> new ConfigStore.PendingCommit(p.sessionId(), p.persistId(), p.deadline()));
    }

    /** The commit operation, confirmed or not. */
    void commit(CommitRequest request, ClientSession session) throws StoreException {
        authorize(request.persistId(), session);
        if (!request.confirmed()) {
            state.commit(session, request.syncBase());
            if (pending != null) {
                finish();
                tell(ConfirmEvent.COMPLETE, Optional.of(session), Optional.empty());
            }
            return;
        }
        Duration timeout = request.timeout().orElse(DEFAULT_TIMEOUT);
        ContainerNode rollbackTo = pending != null ? pending.rollbackTo() : state.content(Datastore.RUNNING);
        Instant deadline = scheduler.now().plus(timeout);
        // The rollback point reaches the disk before running changes, so a crash in between still rolls back.
        writeFile(new RollbackFile.Content(rollbackTo, deadline, request.persist()));
        try {
            state.commit(session, request.syncBase());
        } catch (StoreException e) {
            if (pending == null) {
                deleteFile();
            } else {
                writeFile(new RollbackFile.Content(rollbackTo, pending.deadline(), pending.persistId()));
            }
            throw e;
        }
        boolean extend = pending != null;
        if (extend) {
            pending.timer().cancel();
        }
        long gen = ++generation;
        Scheduler.Timer timer = scheduler.schedule(timeout, () -> inbox.execute(() -> expire(gen)));
        pending = new Pending(rollbackTo, session.id(), request.persist(), deadline, gen, timer,
                request.syncBase().isPresent());
        if (request.persist().isEmpty()) {
            session.onEnd(() -> inbox.execute(() -> sessionEnded(session, gen)));
        }
        tell(extend ? ConfirmEvent.EXTEND : ConfirmEvent.START, Optional.of(session),
                Optional.of(timeout));
    }

    /** cancel-commit: rolls back the pending confirmed commit now. */
    void cancel(Optional<String> persistId, ClientSession session) throws StoreException {
        if (pending == null) {
            throw new StoreException(new StoreError.NoPendingCommit());
        }
        authorize(persistId, session);
        rollback();
        tell(ConfirmEvent.CANCEL, Optional.of(session), Optional.empty());
    }

    private void authorize(Optional<String> persistId, ClientSession session) throws StoreException {
        if (pending == null) {
            if (persistId.isPresent()) {
                throw mismatch("no confirmed commit with this persist-id is pending");
            }
            return;
        }
        if (pending.persistId().isPresent()) {
            if (!pending.persistId().equals(persistId)) {
                throw mismatch(persistId.isEmpty()
                        ? "a persistent confirmed commit is pending: give its persist-id"
                        : "the persist-id does not match the pending confirmed commit");
            }
        } else if (persistId.isPresent()) {
            throw mismatch("the pending confirmed commit has no persist-id");
        } else if (pending.sessionId() != session.id()) {
            throw new StoreException(new StoreError.ConfirmPending(pending.sessionId()));
        }
    }

    private static StoreException mismatch(String message) {
        return new StoreException(new StoreError.ConfirmMismatch(message));
    }

    private void expire(long gen) {
        if (pending == null || pending.generation() != gen) {
            return;
        }
        LOG.warn("confirmed commit of session {} was not confirmed in time: rolling back", pending.sessionId());
        rollback();
        tell(ConfirmEvent.TIMEOUT, Optional.empty(), Optional.empty());
    }

    private void sessionEnded(ClientSession session, long gen) {
        if (pending == null || pending.generation() != gen || pending.persistId().isPresent()) {
            return;
        }
        LOG.warn("session {} ended before confirming its commit: rolling back", session.id());
        rollback();
        tell(ConfirmEvent.CANCEL, Optional.of(session), Optional.empty());
    }

    private void tell(ConfirmEvent event, Optional<ClientSession> session, Optional<Duration> timeout) {
        for (ConfirmListener listener : listeners) {
            try {
                listener.confirmEvent(event, session, timeout);
            } catch (RuntimeException e) {
                LOG.warn("confirmed-commit listener failed: {}", e.toString(), e);
            }
        }
    }

    private void rollback() {
        Pending was = pending;
        was.timer().cancel();
        pending = null;
        try {
            state.replaceRunning(was.rollbackTo(),
                    was.peerPush() ? new CommitHook.Origin.Sync() : new CommitHook.Origin.Server());
            deleteFile();
        } catch (StoreException e) {
            // The file stays: a restart tries the rollback again.
            LOG.error("rollback of an unconfirmed commit failed: {}", e.getMessage());
        }
    }

    private void finish() {
        pending.timer().cancel();
        pending = null;
        deleteFile();
    }

    private void writeFile(RollbackFile.Content content) throws StoreException {
        try {
            file.write(content);
        } catch (IOException e) {
            throw new StoreException(new StoreError.StorageFailed(
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
