package net.multihome.core.reconcile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.plan.ProviderHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs reconcile passes on one thread of its own. Triggers (configuration, health, kernel
 * events) only say "look again": any number of them while a pass runs cause exactly one more
 * pass. A pass that did not converge is retried after {@code retryDelay}; without any trigger
 * a safety pass runs every {@code safetyInterval}.
 *
 * <p>When a new configuration is the only news since a pass that converged, and it wants the
 * same kernel objects (a description changed, a probe target moved), the loop answers with
 * {@link Reconciler#replan} instead of reading the kernel again: nothing the kernel could
 * refuse is asked of it, and any drift meanwhile would have been a kernel event, which forces
 * a full pass.
 */
public final class ReconcileLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcileLoop.class);

    private final Reconciler reconciler;
    private final Duration safetyInterval;
    private final Duration retryDelay;
    private final Consumer<PassResult> listener;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Map<String, ProviderHealth> health = new HashMap<>();
    private final List<CompletableFuture<PassResult>> waiting = new ArrayList<>();
    private final Thread thread;
    private MultihomeConfig config;
    private boolean triggered = true;
    /** Whether the kernel or the health verdicts may have changed since the last full pass. */
    private boolean kernelChanged = true;
    /** The outcome of the latest pass; only the loop's own thread reads and writes it. */
    private PassResult last;
    private boolean running = true;

    public ReconcileLoop(Reconciler reconciler, MultihomeConfig initial, Duration safetyInterval,
            Duration retryDelay, Consumer<PassResult> listener) {
        this.reconciler = reconciler;
        this.config = initial;
        this.safetyInterval = safetyInterval;
        this.retryDelay = retryDelay;
        this.listener = listener;
        this.thread = Thread.ofPlatform().name("reconcile").daemon(true).unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    /** Asks for a pass soon; cheap and safe from any thread. */
    public void trigger() {
        lock.lock();
        try {
            triggered = true;
            kernelChanged = true;
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Switches to a new configuration; the returned future completes with the first pass that used it. */
    public CompletableFuture<PassResult> apply(MultihomeConfig next) {
        CompletableFuture<PassResult> result = new CompletableFuture<>();
        lock.lock();
        try {
            config = next;
            waiting.add(result);
            triggered = true;
            wake.signal();
        } finally {
            lock.unlock();
        }
        return result;
    }

    /** Records a provider's health verdict and triggers a pass when it changed. */
    public void health(String provider, ProviderHealth verdict) {
        lock.lock();
        try {
            if (health.put(provider, verdict) != verdict) {
                triggered = true;
                kernelChanged = true;
                wake.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    public MultihomeConfig config() {
        lock.lock();
        try {
            return config;
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        Duration wait = safetyInterval;
        while (true) {
            MultihomeConfig current;
            Map<String, ProviderHealth> verdicts;
            List<CompletableFuture<PassResult>> answered;
            boolean full;
            lock.lock();
            try {
                long nanos = wait.toNanos();
                while (running && !triggered && nanos > 0) {
                    nanos = wake.awaitNanos(nanos);
                }
                if (!running) {
                    waiting.forEach(f -> f.cancel(false));
                    return;
                }
                // Waking without a trigger is the safety pass or a retry: both read the kernel.
                full = kernelChanged || !triggered;
                triggered = false;
                kernelChanged = false;
                current = config;
                verdicts = Map.copyOf(health);
                answered = List.copyOf(waiting);
                waiting.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            PassResult result = passSafely(current, verdicts, answered, full);
            last = result;
            wait = result == null || !result.converged() ? retryDelay : safetyInterval;
        }
    }

    private PassResult passSafely(MultihomeConfig current, Map<String, ProviderHealth> verdicts,
            List<CompletableFuture<PassResult>> answered, boolean full) {
        try {
            Optional<PassResult> replanned = full || last == null ? Optional.empty()
                    : reconciler.replan(current, verdicts, last);
            PassResult result = replanned.isPresent() ? replanned.get() : reconciler.pass(current, verdicts);
            listener.accept(result);
            answered.forEach(f -> f.complete(result));
            return result;
        } catch (RuntimeException e) {
            LOG.error("reconcile pass failed: {}", e.toString(), e);
            answered.forEach(f -> f.completeExceptionally(e));
            return null;
        }
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
    }
}
