package net.multihome.core.reconcile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.plan.Verdict;
import net.multihome.core.time.Scheduler;
import net.multihome.netlink.model.Link;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's owner: one platform thread that alone holds the running configuration, the
 * health verdicts the last plan used and the last pass, and runs every reconcile pass. Other
 * threads only hand it news, which it takes level-based: a kernel event, a health update or a
 * timer says "look again"; a new configuration is queued with a future for its outcome.
 *
 * <p>Each pass reads the health monitor's current verdicts, so deleting, re-adding or renaming
 * a provider converges whatever events were missed. A health update that changes no verdict
 * (statistics only) refreshes the status without planning. A new configuration, or a changed
 * verdict, is first planned against the last pass ({@link Reconciler#replan}): when no kernel
 * event came since, nothing or only nexthops (weights, group members) change, that is applied
 * without reading the kernel; otherwise, or when the kernel may have changed, a full pass reads it.
 * A pass that did not converge is retried after {@code retryDelay}; without news a safety pass
 * runs every {@code safetyInterval}.
 *
 * <p>A configuration the kernel refuses is taken back at once: the previous one is reconciled
 * again and the future completes with the refused pass, so running and the kernel never
 * disagree. The lock guards the inbox fields only; no call leaves this class while it is held.
 */
public final class ReconcileLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcileLoop.class);

    /** What the owner tells the rest of the daemon, always on its own thread. */
    public interface Listener {

        /** {@code next} is about to be reconciled (also when a refused one is taken back). */
        default void configuring(MultihomeConfig next) {
        }

        /** A pass ran with {@code used}. */
        void passed(MultihomeConfig used, PassResult result);

        /** Health statistics changed but no verdict did; the last pass stands. */
        default void healthRefreshed() {
        }

        /** The interfaces were read again (for their counters) outside a pass. */
        default void linksRead(List<Link> links) {
        }
    }

    private record PendingApply(MultihomeConfig config, CompletableFuture<PassResult> outcome) {
    }

    private final Reconciler reconciler;
    private final Supplier<Map<String, Verdict>> verdicts;
    private final Scheduler scheduler;
    private final Duration safetyInterval;
    private final Duration retryDelay;
    private final Listener listener;
    private final Thread thread;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    /** Inbox, guarded by lock. */
    private final List<PendingApply> applies = new ArrayList<>();
    private boolean kernelChanged = true;
    private boolean healthChanged;
    private boolean timerDue;
    /** The latest interfaces read outside a pass, not yet handed on (null: none). */
    private List<Link> linksRead;
    private boolean running = true;
    /** When news arrived while the owner was idle (0: none waiting); guarded by lock. */
    private long newsSince;
    /** When the owner took the news it is working on (0: idle); guarded by lock. */
    private long busySince;

    /** Owner thread only. */
    private MultihomeConfig config;
    private PassResult last;
    private Map<String, Verdict> usedVerdicts = Map.of();
    private Scheduler.Timer timer;
    private volatile MultihomeConfig published;

    /**
     * @param verdicts the health monitor's current verdicts, read at every pass
     */
    public ReconcileLoop(Reconciler reconciler, MultihomeConfig initial, Supplier<Map<String, Verdict>> verdicts,
            Scheduler scheduler, Duration safetyInterval, Duration retryDelay, Listener listener) {
        this.reconciler = reconciler;
        this.config = initial;
        this.published = initial;
        this.verdicts = verdicts;
        this.scheduler = scheduler;
        this.safetyInterval = safetyInterval;
        this.retryDelay = retryDelay;
        this.listener = listener;
        this.thread = Thread.ofPlatform().name("reconcile").daemon(true).unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    /** The kernel may have changed: read it again soon. Cheap and safe from any thread. */
    public void trigger() {
        lock.lock();
        try {
            kernelChanged = true;
            signal();
        } finally {
            lock.unlock();
        }
    }

    /** The health monitor published new verdicts or statistics. Cheap and safe from any thread. */
    public void healthUpdated() {
        lock.lock();
        try {
            healthChanged = true;
            signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The interfaces as just read, for their counters; only the latest read waits to be handed
     * on. Cheap and safe from any thread.
     */
    public void linksRead(List<Link> links) {
        List<Link> copy = List.copyOf(links);
        lock.lock();
        try {
            linksRead = copy;
            signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues a new configuration. The future completes with the pass that used it: converged,
     * or refused (errors or conflicts), in which case the previous configuration is back in
     * place before it completes.
     */
    public CompletableFuture<PassResult> apply(MultihomeConfig next) {
        CompletableFuture<PassResult> outcome = new CompletableFuture<>();
        lock.lock();
        try {
            if (!running) {
                outcome.completeExceptionally(new IllegalStateException("the reconcile loop is stopped"));
                return outcome;
            }
            applies.add(new PendingApply(next, outcome));
            signal();
        } finally {
            lock.unlock();
        }
        return outcome;
    }

    /** The configuration the kernel follows (the last accepted one). */
    public MultihomeConfig config() {
        return published;
    }

    /**
     * How long the owner has had news it has not finished with, for the self-check: zero
     * while it idles with nothing to do.
     */
    public Duration stalledFor() {
        long now = scheduler.nanoTime();
        lock.lock();
        try {
            long since = busySince != 0 ? busySince : newsSince;
            return since == 0 ? Duration.ZERO : Duration.ofNanos(now - since);
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        if (newsSince == 0 && busySince == 0) {
            newsSince = scheduler.nanoTime();
        }
        wake.signal();
    }

    private void timerFired() {
        lock.lock();
        try {
            timerDue = true;
            signal();
        } finally {
            lock.unlock();
        }
    }

    /** The news one turn of the owner works on. */
    private record News(List<PendingApply> applies, boolean kernel, boolean health, List<Link> links) {
    }

    private void run() {
        while (true) {
            News news;
            lock.lock();
            try {
                while (running && applies.isEmpty() && !kernelChanged && !healthChanged && !timerDue
                        && linksRead == null) {
                    wake.awaitUninterruptibly();
                }
                if (!running) {
                    applies.forEach(a -> a.outcome().cancel(false));
                    return;
                }
                // A timer is the safety pass or a retry: both read the kernel.
                news = new News(List.copyOf(applies), kernelChanged || timerDue, healthChanged, linksRead);
                applies.clear();
                linksRead = null;
                kernelChanged = false;
                healthChanged = false;
                timerDue = false;
                busySince = scheduler.nanoTime();
                newsSince = 0;
            } finally {
                lock.unlock();
            }
            turn(news);
            lock.lock();
            try {
                busySince = 0;
            } finally {
                lock.unlock();
            }
        }
    }

    private void turn(News news) {
        if (news.links() != null) {
            tell(() -> listener.linksRead(news.links()));
        }
        boolean readKernel = news.kernel();
        for (PendingApply apply : news.applies()) {
            applyConfig(apply, readKernel);
            readKernel = false;
        }
        if (readKernel) {
            pass(true);
        } else if (news.health()) {
            if (verdictsChanged()) {
                pass(false);
            } else {
                tell(listener::healthRefreshed);
            }
        }
    }

    private void applyConfig(PendingApply apply, boolean readKernel) {
        MultihomeConfig previous = config;
        config = apply.config();
        tell(() -> listener.configuring(config));
        PassResult result = pass(readKernel);
        if (result == null) {
            config = previous;
            tell(() -> listener.configuring(previous));
            pass(true);
            apply.outcome().completeExceptionally(new IllegalStateException("the reconcile pass failed; see the log"));
            return;
        }
        if (!result.converged()) {
            LOG.warn("configuration refused by the kernel, restoring the previous one: {}", result.summary());
            config = previous;
            tell(() -> listener.configuring(previous));
            PassResult restored = pass(true);
            if (restored != null && !restored.converged()) {
                LOG.error("restoring the previous configuration also failed: {}", restored.summary());
            }
        }
        published = config;
        apply.outcome().complete(result);
    }

    /** One pass with the current configuration and verdicts; null when it threw (logged, retried). */
    private PassResult pass(boolean readKernel) {
        Map<String, Verdict> current = Map.copyOf(verdicts.get());
        PassResult result;
        try {
            Optional<PassResult> replanned = readKernel || last == null ? Optional.empty()
                    : reconciler.replan(config, current, last);
            result = replanned.isPresent() ? replanned.get() : reconciler.pass(config, current);
        } catch (RuntimeException e) {
            LOG.error("reconcile pass failed: {}", e.toString(), e);
            schedule(retryDelay);
            return null;
        }
        last = result;
        usedVerdicts = current;
        schedule(result.converged() ? safetyInterval : retryDelay);
        tell(() -> listener.passed(config, result));
        return result;
    }

    /** Calls the listener; a failure there is logged and must not end the owner thread. */
    private static void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.error("reconcile listener failed: {}", e.toString(), e);
        }
    }

    private boolean verdictsChanged() {
        Map<String, Verdict> current = verdicts.get();
        if (!current.keySet().equals(usedVerdicts.keySet())) {
            return true;
        }
        for (Map.Entry<String, Verdict> e : current.entrySet()) {
            if (!e.getValue().samePlanInput(usedVerdicts.get(e.getKey()))) {
                return true;
            }
        }
        return false;
    }

    private void schedule(Duration delay) {
        if (timer != null) {
            timer.cancel();
        }
        timer = scheduler.schedule(delay, this::timerFired);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            running = false;
            wake.signal();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (timer != null) {
            timer.cancel();
        }
    }
}
