package net.multihome.daemon.status;

import java.time.Duration;
import java.time.Instant;
import net.multihome.core.pair.VrrpState;
import net.multihome.core.status.StatusSnapshot;
import net.multihome.netconf.sync.SyncStatus;

/**
 * What {@code multihome status} shows.
 *
 * @param snapshot the daemon's status snapshot
 * @param lastPassAt when the last reconcile pass was recorded, null before the first
 * @param lastPassTook how long that pass took, null before the first
 * @param vrrp keepalived's state of the pair's instance, null when the router is not one of a pair
 * @param sync configuration sync's status, null when the router is not one of a pair
 */
public record StatusReport(StatusSnapshot snapshot, Instant lastPassAt, Duration lastPassTook, VrrpState vrrp,
        SyncStatus sync) {

    public StatusReport(StatusSnapshot snapshot, Instant lastPassAt, Duration lastPassTook, VrrpState vrrp) {
        this(snapshot, lastPassAt, lastPassTook, vrrp, null);
    }
}
