package net.multihome.daemon.pair;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import net.multihome.core.pair.VrrpSource;
import net.multihome.core.pair.VrrpState;
import net.multihome.core.pair.VrrpStatus;
import net.multihome.daemon.watch.DirectoryWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the VRRP state file that keepalived's notify script replaces on each change (inotify on
 * its directory). After {@link #open} the watch thread alone reads the file; it publishes the state through a
 * volatile field, which the status socket, NETCONF, the metrics and SNMP read, and hands each
 * change to the subscribers (SNMP's trap).
 */
public final class VrrpStateWatcher implements VrrpSource {

    private static final Logger LOG = LoggerFactory.getLogger(VrrpStateWatcher.class);
    /** keepalived names a state in one word; a longer file is not the script's. */
    private static final long MAX_BYTES = 64;

    private final Path file;
    private final InstantSource clock;
    private final List<Consumer<VrrpStatus>> subscribers = new CopyOnWriteArrayList<>();
    private volatile VrrpStatus status;

    private VrrpStateWatcher(Path file, InstantSource clock) {
        this.file = file;
        this.clock = clock;
        this.status = new VrrpStatus(read(), modified());
    }

    /** Reads the file once, so the first report already has the state. */
    public static VrrpStateWatcher open(Path file) {
        return open(file, InstantSource.system());
    }

    /** As {@link #open(Path)}, with the clock that dates the changes. */
    public static VrrpStateWatcher open(Path file, InstantSource clock) {
        return new VrrpStateWatcher(file, clock);
    }

    public VrrpState state() {
        return status.state();
    }

    @Override
    public VrrpStatus current() {
        return status;
    }

    @Override
    public AutoCloseable subscribe(Consumer<VrrpStatus> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /**
     * Follows the file on {@code watch}: a change of it (or lost changes) rereads it; the runtime
     * directory holds other files too (the demo lab's log).
     */
    public void watch(DirectoryWatch watch) {
        watch.addReplaced(file.getParent(), "redundancy", file.getFileName()::equals, this::reread);
    }

    private void reread() {
        VrrpState next = read();
        if (next != status.state()) {
            LOG.info("redundancy: VRRP state {} (was {})", next, status.state());
            status = new VrrpStatus(next, clock.instant());
            publish(status);
        }
    }

    private void publish(VrrpStatus changed) {
        for (Consumer<VrrpStatus> subscriber : subscribers) {
            try {
                subscriber.accept(changed);
            } catch (RuntimeException e) {
                LOG.warn("redundancy: a subscriber failed on {}: {}", changed, e.toString(), e);
            }
        }
    }

    /** When the state found at start was written; the epoch when there is no file. */
    private Instant modified() {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private VrrpState read() {
        try {
            if (Files.size(file) > MAX_BYTES) {
                LOG.warn("redundancy: {} is longer than a state; taken as unknown", file);
                return VrrpState.UNKNOWN;
            }
            return VrrpState.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return VrrpState.UNKNOWN;
        } catch (IOException e) {
            LOG.warn("redundancy: cannot read {}: {}", file, e.toString());
            return VrrpState.UNKNOWN;
        }
    }
}
