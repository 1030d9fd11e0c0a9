package net.multihome.core.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns the store's state: operations run there in turn while their callers
 * wait; news (a timeout, a session's end) is handed to it without waiting. After each piece of
 * work, and before its caller wakes, {@code afterEach} publishes what changed.
 */
final class StoreThread implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreThread.class);

    /** Work run on the store's thread. */
    @FunctionalInterface
    interface Task<T, X extends Exception> {
        T run() throws X, StoreException;
    }

    private final AtomicReference<Thread> thread = new AtomicReference<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread created = Thread.ofPlatform().name("config-store").daemon(true).unstarted(r);
        thread.set(created);
        return created;
    });
    private final Runnable afterEach;

    StoreThread(Runnable afterEach) {
        this.afterEach = afterEach;
    }

    /** Runs {@code task} on the store's thread and waits for it; its refusal or failure is the caller's. */
    @SuppressWarnings("unchecked")
    <T, X extends Exception> T call(Task<T, X> task) throws X, StoreException {
        if (Thread.currentThread() == thread.get()) {
            throw new IllegalStateException("a listener of the store called back into it");
        }
        Job<T, X> job = new Job<>(task);
        executor.execute(job);
        try {
            return job.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the configuration store", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StoreException refused) {
                throw refused;
            }
            if (cause instanceof RuntimeException failed) {
                throw failed;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            // Task declares only X and StoreException as checked.
            throw (X) cause;
        }
    }

    /** Hands work to the store's thread without waiting; after close it is dropped. */
    void post(Runnable work) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.error("configuration store: {}", e.toString(), e);
                } finally {
                    afterEach.run();
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("configuration store closed: dropped a timeout or session end");
        }
    }

    /** Stops the thread; operations still waiting fail. */
    @Override
    public void close() {
        for (Runnable waiting : executor.shutdownNow()) {
            if (waiting instanceof Job<?, ?> job) {
                job.abandon();
            }
        }
    }

    /** An operation queued for the store's thread, with the outcome its caller waits for. */
    private final class Job<T, X extends Exception> implements Runnable {
        private final Task<T, X> task;
        private final CompletableFuture<T> result = new CompletableFuture<>();

        private Job(Task<T, X> task) {
            this.task = task;
        }

        @Override
        public void run() {
            T value = null;
            Throwable failure = null;
            try {
                value = task.run();
            } catch (Throwable t) {
                failure = t;
            }
            // Published before the caller wakes, so it reads what it did.
            afterEach.run();
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(failure);
            }
        }

        void abandon() {
            result.completeExceptionally(new IllegalStateException("the configuration store is closed"));
        }
    }
}
