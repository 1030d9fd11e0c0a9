package net.multihome.core.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.plan.DesiredState;
import net.multihome.core.plan.KernelView;
import net.multihome.core.plan.OwnerTag;
import net.multihome.core.reconcile.PassResult;
import org.junit.jupiter.api.Test;

class StatusTrackerTest {

    private static PassResult pass() {
        return new PassResult(new DesiredState(List.of(), List.of(), List.of(), Map.of(), Map.of(), List.of()),
                new KernelView(Map.of()), 0, List.of(), List.of(), Duration.ofMillis(3), List.of(), List.of(),
                List.of());
    }

    @Test
    void remembersWhenTheLastPassWasRecordedNotWhenStatisticsWereRefreshed() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-04T10:00:00Z"));
        StatusTracker tracker = new StatusTracker(now::get, OwnerTag.DEFAULT, new ProviderEvents());
        assertNull(tracker.lastPassAt());
        now.set(Instant.parse("2026-12-04T10:00:05Z"));
        tracker.record(MultihomeConfig.empty(), pass(), ProbeStatsSource.NONE);
        now.set(Instant.parse("2026-12-04T10:00:09Z"));
        tracker.refresh(ProbeStatsSource.NONE);
        assertEquals(Instant.parse("2026-12-04T10:00:05Z"), tracker.lastPassAt());
        assertEquals(Instant.parse("2026-12-04T10:00:09Z"), tracker.snapshot().taken());
        assertEquals(1, tracker.snapshot().reconcilePasses());
    }
}
