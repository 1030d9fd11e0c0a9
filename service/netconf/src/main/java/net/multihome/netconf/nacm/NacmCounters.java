package net.multihome.netconf.nacm;

import java.util.concurrent.atomic.AtomicLong;

/** The RFC 8341 denial counters since the server started (zero-based-counter32: they wrap). */
final class NacmCounters {
    private final AtomicLong deniedOperations = new AtomicLong();
    private final AtomicLong deniedDataWrites = new AtomicLong();
    private final AtomicLong deniedNotifications = new AtomicLong();

    void operationDenied() {
        deniedOperations.incrementAndGet();
    }

    void dataWriteDenied() {
        deniedDataWrites.incrementAndGet();
    }

    void notificationDenied() {
        deniedNotifications.incrementAndGet();
    }

    long deniedOperations() {
        return counter32(deniedOperations);
    }

    long deniedDataWrites() {
        return counter32(deniedDataWrites);
    }

    long deniedNotifications() {
        return counter32(deniedNotifications);
    }

    private static long counter32(AtomicLong value) {
        return value.get() & 0xFFFF_FFFFL;
    }
}
