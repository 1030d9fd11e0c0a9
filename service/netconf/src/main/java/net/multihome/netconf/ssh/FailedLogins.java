package net.multihome.netconf.ssh;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.sshd.server.auth.AsyncAuthException;

/**
 * Counts refused logins and answers a refused password only after a delay, as OpenSSH with
 * pam_faildelay does, so guessing is slow. The answer is scheduled, not slept for: MINA's I/O
 * threads stay free, and other clients' logins are not held up.
 */
final class FailedLogins implements AutoCloseable {
    private final Duration delay;
    private final LongAdder count = new LongAdder();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("netconf-failed-login").daemon().factory());

    FailedLogins(Duration delay) {
        this.delay = delay;
    }

    long count() {
        return count.sum();
    }

    /** Counts a refused public key; keys cannot be guessed, so there is no delay. */
    boolean refuseKey() {
        count.increment();
        return false;
    }

    /**
     * Counts a refused password and hands MINA a pending answer that says "refused" after the delay.
     *
     * @throws AsyncAuthException always, as MINA's signal that the answer comes later
     */
    boolean refusePassword() {
        count.increment();
        AsyncAuthException pending = new AsyncAuthException();
        timer.schedule(() -> pending.setAuthed(false), delay.toNanos(), TimeUnit.NANOSECONDS);
        throw pending;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
