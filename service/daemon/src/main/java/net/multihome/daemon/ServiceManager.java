package net.multihome.daemon;

import java.util.Map;
import net.multihome.core.status.StatusSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the daemon tells systemd: READY=1 once it serves, a STATUS= line whenever the providers'
 * summary changes, WATCHDOG=1 on every self-check that found the daemon's loops progressing,
 * STOPPING=1 on the way out. Called from the main thread and the self-check's thread with
 * immutable status snapshots.
 */
final class ServiceManager implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceManager.class);

    private final SystemdNotifier notifier;
    private final boolean watchdog;
    private String lastStatus;

    ServiceManager(SystemdNotifier notifier, boolean watchdog) {
        this.notifier = notifier;
        this.watchdog = watchdog;
    }

    /**
     * From the environment systemd gives a Type=notify service. The watchdog is on when
     * WATCHDOG_USEC is set and WATCHDOG_PID, if set, is this process (not a child's inherited one).
     */
    static ServiceManager fromEnvironment(Map<String, String> environment) {
        String pid = environment.get("WATCHDOG_PID");
        boolean watchdog = environment.containsKey("WATCHDOG_USEC")
                && (pid == null || pid.equals(Long.toString(ProcessHandle.current().pid())));
        return new ServiceManager(SystemdNotifier.fromEnvironment(environment), watchdog);
    }

    boolean watchdog() {
        return watchdog;
    }

    void ready(StatusSnapshot status) {
        String line = ServiceManagerStatus.of(status);
        synchronized (this) {
            lastStatus = line;
        }
        notifier.send("READY=1\nSTATUS=" + line);
    }

    /**
     * The loops progress: feeds the watchdog and updates STATUS= when it changed. Never throws:
     * it runs on the self-check's timer, which a thrown exception would cancel.
     */
    void progressing(StatusSnapshot status) {
        try {
            tell(status);
        } catch (RuntimeException e) {
            LOG.warn("cannot notify systemd: {}", e.toString());
        }
    }

    private void tell(StatusSnapshot status) {
        String line = ServiceManagerStatus.of(status);
        StringBuilder message = new StringBuilder();
        if (watchdog) {
            message.append("WATCHDOG=1\n");
        }
        synchronized (this) {
            if (!line.equals(lastStatus)) {
                lastStatus = line;
                message.append("STATUS=").append(line).append('\n');
            }
        }
        if (!message.isEmpty()) {
            notifier.send(message.toString());
        }
    }

    void stopping() {
        notifier.send("STOPPING=1");
    }

    @Override
    public void close() {
        notifier.close();
    }
}
