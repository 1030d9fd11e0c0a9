package net.multihome.snmp.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.status.StatusSnapshot;
import net.multihome.core.status.StatusSource;
import net.multihome.netlink.NetlinkHandle;
import net.multihome.netlink.model.Link;

/**
 * Snapshots whose links are this namespace's, no providers; fed as the daemon feeds its agent:
 * a thread of its own reads the links over netlink every second and publishes an immutable
 * snapshot, so a request never waits for the kernel.
 */
final class NetlinkStatusSource implements StatusSource, AutoCloseable {

    private static final Duration PERIOD = Duration.ofSeconds(1);

    private final Instant started = Instant.now();
    private final NetlinkHandle netlink = NetlinkHandle.open();
    private final Thread refresher;
    private volatile StatusSnapshot snapshot;

    NetlinkStatusSource() {
        snapshot = snapshotOf(netlink.links());
        refresher = Thread.ofPlatform().daemon().name("link-counters").start(this::refreshEverySecond);
    }

    @Override
    public StatusSnapshot snapshot() {
        return snapshot;
    }

    private void refreshEverySecond() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(PERIOD);
                snapshot = snapshotOf(netlink.links());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private StatusSnapshot snapshotOf(List<Link> links) {
        return new StatusSnapshot(Instant.now(), started, MultihomeConfig.empty(), List.of(), links, List.of(), 0,
                "ok", List.of(), 77);
    }

    @Override
    public void close() throws InterruptedException {
        refresher.interrupt();
        refresher.join(PERIOD.toMillis() * 2);
        netlink.close();
    }
}
