package net.multihome.testing;

import java.util.concurrent.TimeUnit;

/** Ending the programs a test started (dnsmasq, dhclient, socat, pppd...), never waiting unbounded. */
public final class Processes {

    private static final long GRACE_SECONDS = 5;

    private Processes() {
    }

    /**
     * Ends {@code process} and what it started (pppoe-server forks a pppd per session): SIGTERM,
     * then SIGKILL for whatever is still there after a few seconds. A null process is ignored.
     */
    public static void stop(Process process) {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
