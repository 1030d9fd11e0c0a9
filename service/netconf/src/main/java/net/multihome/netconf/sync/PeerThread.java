package net.multihome.netconf.sync;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one thread that talks to the peer, so that pushes, confirms and retries never overlap;
 * callers wait for their task at most {@code wait}, holding no lock.
 */
final class PeerThread implements AutoCloseable {
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("config-sync").factory());
    private final Duration wait;

    PeerThread(Duration wait) {
        this.wait = wait;
    }

    /** Runs {@code task} and waits; a failure or timeout of the task counts as an unreachable peer. */
    PushResult push(Callable<PushResult> task) {
        try {
            return call(task);
        } catch (IOException e) {
            return new PushResult.Unreachable(e.getMessage());
        }
    }

    /** Runs {@code task} and waits; its failure, or a timeout, is an IOException. */
    <T> T call(Callable<T> task) throws IOException {
        try {
            return thread.submit(task).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the peer did not answer within " + wait.toSeconds() + " s", e);
        }
    }

    /** Runs {@code task} and waits; returns its failure instead of throwing it. */
    Optional<IOException> quietly(Callable<Void> task) {
        try {
            call(task);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e);
        }
    }

    /** Runs {@code task} on the thread, now, without waiting. */
    void execute(Runnable task) {
        thread.execute(task);
    }

    /** Runs {@code task} on the thread after {@code delay}. */
    void schedule(Runnable task, Duration delay) {
        thread.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
