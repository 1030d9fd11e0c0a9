package net.multihome.snmp.mib;

import java.time.Duration;
import java.util.function.LongSupplier;
import net.multihome.core.status.StatusSnapshot;
import net.multihome.core.status.StatusSource;

/**
 * Holds the last status snapshot for a short time, so a burst of requests (a walk) reads one
 * snapshot instead of asking the service for a new one per packet.
 */
public final class SnapshotCache {

    private record Entry(StatusSnapshot snapshot, long takenNanos) {
    }

    private final StatusSource source;
    private final LongSupplier nanoTicker;
    private final long ttlNanos;
    private volatile Entry entry;

    /** @param nanoTicker a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests */
    public SnapshotCache(StatusSource source, Duration ttl, LongSupplier nanoTicker) {
        this.source = source;
        this.ttlNanos = ttl.toNanos();
        this.nanoTicker = nanoTicker;
    }

    /** The cached snapshot, or a fresh one when the cached one is older than the time to live. */
    public StatusSnapshot current() {
        long now = nanoTicker.getAsLong();
        Entry cached = entry;
        if (cached != null && now - cached.takenNanos() < ttlNanos) {
            return cached.snapshot();
        }
        synchronized (this) {
            cached = entry;
            if (cached != null && now - cached.takenNanos() < ttlNanos) {
                return cached.snapshot();
            }
            StatusSnapshot fresh = source.snapshot();
            entry = new Entry(fresh, now);
            return fresh;
        }
    }
}
