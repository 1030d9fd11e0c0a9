package net.multihome.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.function.Supplier;
import net.multihome.core.pair.VrrpState;
import net.multihome.netconf.sync.SyncStatus;
import net.multihome.core.reconcile.PassResult;
import net.multihome.core.status.StatusSnapshot;
import net.multihome.core.status.StatusTracker;
import net.multihome.daemon.status.PeerAccess;
import net.multihome.daemon.status.StatusReport;
import net.multihome.daemon.status.StatusServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the status socket on the tracker's snapshots; routing goes on without it if it cannot. */
final class StatusSocket {

    private static final Logger LOG = LoggerFactory.getLogger(StatusSocket.class);

    private StatusSocket() {
    }

    /** The server, or null when the socket could not be opened (logged). */
    static StatusServer start(Path runtimeDirectory, StatusTracker status, Supplier<VrrpState> vrrp,
            Supplier<SyncStatus> sync, InstantSource clock) {
        try {
            StatusServer server = StatusServer.start(runtimeDirectory, () -> report(status, vrrp, sync),
                    PeerAccess.system(), clock);
            LOG.info("status socket listening on {}", server.socket());
            return server;
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.error("status socket not opened in {}: {}", runtimeDirectory, e.toString());
            return null;
        }
    }

    /** The VRRP and sync states only while the running configuration makes this router one of a pair. */
    private static StatusReport report(StatusTracker status, Supplier<VrrpState> vrrp, Supplier<SyncStatus> sync) {
        PassResult pass = status.lastPass();
        StatusSnapshot snapshot = status.snapshot();
        boolean pair = snapshot.config().pair().isPresent();
        return new StatusReport(snapshot, status.lastPassAt(), pass == null ? null : pass.took(),
                pair ? vrrp.get() : null, pair ? sync.get() : null);
    }
}
