package net.multihome.snmp.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.multihome.core.plan.OperStatus;
import net.multihome.snmp.testing.FakeStatus;
import org.junit.jupiter.api.Test;

class SnapshotCacheTest {

    @Test
    void oneSnapshotServesUntilTheTimeToLivePasses() {
        AtomicLong now = new AtomicLong();
        AtomicInteger taken = new AtomicInteger();
        SnapshotCache cache = new SnapshotCache(() -> {
            taken.incrementAndGet();
            return FakeStatus.router(OperStatus.UP);
        }, Duration.ofMillis(500), now::get);

        var first = cache.current();
        now.addAndGet(Duration.ofMillis(499).toNanos());
        assertSame(first, cache.current());
        assertEquals(1, taken.get());

        now.addAndGet(Duration.ofMillis(1).toNanos());
        cache.current();
        assertEquals(2, taken.get());
    }
}
