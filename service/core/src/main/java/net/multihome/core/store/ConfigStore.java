package net.multihome.core.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import net.multihome.core.config.ConfigLoader;
import net.multihome.core.time.Scheduler;
import net.multihome.core.yang.ConfigXml;
import net.multihome.core.yang.YangSchema;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration store: running, candidate and startup, their locks, commit with confirmed
 * commit and its rollback file, and validation, for every client (NETCONF, the SIGHUP reload,
 * later the CLI). Refusals are {@link StoreException}s; each protocol maps them at its edge.
 *
 * <p>One thread owns the state: every operation runs there in turn and the caller waits for
 * it; timeouts and session ends are handed to it. So it holds no lock while it calls the
 * applier (which waits for the kernel) or the listeners. Readers of running, candidate and the
 * locks take the snapshot of the last finished operation without waiting.
 */
public final class ConfigStore implements AutoCloseable {
    public static final Duration DEFAULT_CONFIRM_TIMEOUT = ConfirmedCommit.DEFAULT_TIMEOUT;
    private static final Logger LOG = LoggerFactory.getLogger(ConfigStore.class);

    /** An edit of a datastore's content, run on the store's thread; it may refuse with its own exception. */
    @FunctionalInterface
    public interface Edit<X extends Exception> {
        /** @param current the content now, null when empty; returns the new content, null for empty */
        ContainerNode apply(ContainerNode current) throws X, StoreException;
    }

    /** The configuration to start from after a restart; {@code content} is null for the empty one. */
    public record RollbackPoint(ContainerNode content) {
    }

    /** What a pending confirmed commit looks like from outside. */
    public record PendingCommit(long sessionId, Optional<String> persistId, Instant deadline) {
    }

    private final StoreThread thread = new StoreThread(this::published);
    private final StoreState state;
    private final ConfirmedCommit commits;
    private volatile Optional<PendingCommit> pending = Optional.empty();

    /**
     * @param stateDirectory where the rollback file of a confirmed commit is kept
     * @param scheduler the clock of lock times and the confirm timer
     * @param initialRunning the configuration the daemon runs with now; null for the empty one
     */
    public ConfigStore(YangSchema schema, Path stateDirectory, StartupFile startup, RunningConfigApplier applier,
                       Scheduler scheduler, ContainerNode initialRunning) {
        ConfigXml xml = new ConfigXml(schema);
        ConfigLoader loader = new ConfigLoader(schema);
        this.state = new StoreState(startup, xml, loader, Objects.requireNonNull(applier, "applier"), scheduler,
                thread::post, initialRunning);
        this.commits = new ConfirmedCommit(state, scheduler, new RollbackFile(stateDirectory, xml, loader),
                thread::post);
    }

    /**
     * For the daemon at start, before it applies any configuration: if a confirmed commit was
     * pending when the daemon stopped, returns the configuration from before it (start from
     * this, not from the unconfirmed one) and removes the rollback file.
     *
     * @return the rollback point; empty when no confirmed commit was pending
     */
    public static Optional<RollbackPoint> recover(Path stateDirectory, YangSchema schema) throws IOException {
        RollbackFile file = new RollbackFile(stateDirectory, new ConfigXml(schema), new ConfigLoader(schema));
        Optional<RollbackFile.Content> content = file.read();
        if (content.isPresent()) {
            file.delete();
            LOG.warn("a confirmed commit was still pending at the last stop: starting from its rollback point");
        }
        return content.map(c -> new RollbackPoint(c.rollbackTo()));
    }

    /** Takes part in every change of running from now on; set before any client works on the store. */
    public void setCommitHook(CommitHook hook) {
        state.setHook(Objects.requireNonNull(hook, "hook"));
    }

    /**
     * Puts running to {@code content} without a client, whatever the locks; the candidate follows.
     *
     * @param origin {@link CommitHook.Origin.Sync} for configuration sync's own change of the
     *     epoch, {@link CommitHook.Origin.Server} for any other change of the server's
     */
    public void replaceRunning(ContainerNode content, CommitHook.Origin origin) throws StoreException {
        run(() -> state.replaceRunning(content, origin));
    }

    /** Told of every change of running, on the store's thread. */
    public void addRunningListener(RunningChangeListener listener) {
        state.addListener(Objects.requireNonNull(listener, "listener"));
    }

    /** Told of confirmed-commit events, on the store's thread. */
    public void addConfirmListener(ConfirmListener listener) {
        commits.addListener(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * At start, once the applier works: when a rollback file is still there (nobody called
     * {@link #recover}), rolls running back to it.
     */
    public void resume() throws IOException {
        try {
            thread.call(() -> {
                commits.resume();
                return null;
            });
        } catch (StoreException e) {
            throw new IllegalStateException("resume refuses nothing", e);
        }
    }

    /** The running configuration; null when empty. Does not wait. */
    public ContainerNode running() {
        return state.snapshot().running();
    }

    /**
     * The content of a datastore; null when empty. Running and candidate are the last
     * operation's and do not wait; startup is read from its file.
     */
    public ContainerNode content(Datastore datastore) throws StoreException {
        StoreState.Snapshot now = state.snapshot();
        return switch (datastore) {
            case RUNNING -> now.running();
            case CANDIDATE -> now.candidate();
            case STARTUP -> state.readStartup();
        };
    }

    /** Does not wait. */
    public Optional<LockInfo> lockOf(Datastore datastore) {
        return Optional.ofNullable(state.snapshot().locks().get(datastore));
    }

    /** Does not wait. */
    public Optional<PendingCommit> pendingCommit() {
        return pending;
    }

    /**
     * Edits running or the candidate: {@code edit} turns the current content into the next on
     * the store's thread, so no other change comes in between.
     *
     * @param testOnly validate the result and keep the datastore as it is
     */
    public <X extends Exception> void edit(Datastore target, Edit<X> edit, boolean testOnly, ClientSession session)
            throws X, StoreException {
        thread.<Void, X>call(() -> {
            state.edit(target, edit, testOnly, session);
            return null;
        });
    }

    /** Replaces a whole datastore with {@code source} (null: empty). */
    public void copy(ContainerNode source, Datastore target, ClientSession session) throws StoreException {
        run(() -> state.copy(source, target, session));
    }

    /** Startup becomes the empty configuration; running and the candidate cannot be deleted. */
    public void deleteStartup(ClientSession session) throws StoreException {
        run(() -> state.deleteStartup(session));
    }

    /** The candidate becomes running, confirmed or not. */
    public void commit(CommitRequest request, ClientSession session) throws StoreException {
        run(() -> commits.commit(request, session));
    }

    /** Rolls back the pending confirmed commit now. */
    public void cancelCommit(Optional<String> persistId, ClientSession session) throws StoreException {
        run(() -> commits.cancel(persistId, session));
    }

    /** The candidate goes back to running. */
    public void discardChanges(ClientSession session) throws StoreException {
        run(() -> state.discardChanges(session));
    }

    /** The lock ends with the session that holds it. */
    public void lock(Datastore datastore, ClientSession session) throws StoreException {
        run(() -> state.lock(datastore, session));
    }

    public void unlock(Datastore datastore, ClientSession session) throws StoreException {
        run(() -> state.unlock(datastore, session));
    }

    /**
     * The reload: reads startup and makes it running (and the candidate), whatever the locks.
     * On any refusal running stays as it was.
     */
    public void reloadStartup() throws StoreException {
        run(() -> state.replaceRunning(state.readStartup(), new CommitHook.Origin.Server()));
    }

    /** Returns once everything handed to the store before (a timeout, a session's end) is done. */
    public void flush() {
        try {
            thread.call(() -> null);
        } catch (StoreException e) {
            throw new IllegalStateException("an empty task refuses nothing", e);
        }
    }

    /**
     * Stops the store's thread; operations still waiting fail. A pending confirmed commit stays
     * in its file for the next start.
     */
    @Override
    public void close() {
        thread.close();
    }

    @FunctionalInterface
    private interface Action {
        void run() throws StoreException;
    }

    private void run(Action action) throws StoreException {
        thread.call(() -> {
            action.run();
            return null;
        });
    }

    private void published() {
        state.publish();
        pending = commits.pending();
    }
}
