package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.multihome.testkit.ManualScheduler;
import org.junit.jupiter.api.Test;

class SelfCheckTest {

    @Test
    void feedsTheWatchdogOnlyWhileEveryPartIsWithinItsLimit() {
        AtomicReference<Duration> loopStalled = new AtomicReference<>(Duration.ZERO);
        AtomicInteger progress = new AtomicInteger();
        List<String> stalls = new ArrayList<>();
        ManualScheduler scheduler = new ManualScheduler(Instant.parse("2026-12-04T12:00:00Z"));
        SelfCheck check = new SelfCheck(List.of(
                new SelfCheck.Watch("reconcile loop", loopStalled::get, () -> Duration.ofSeconds(30)),
                new SelfCheck.Watch("health probe rounds", () -> Duration.ZERO, () -> Duration.ofSeconds(31))),
                scheduler, (watch, stalled) -> stalls.add(watch.what()), progress::incrementAndGet);
        check.start();

        scheduler.advance(Duration.ofSeconds(3));
        assertEquals(3, progress.get());
        loopStalled.set(Duration.ofSeconds(10));
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(4, progress.get(), "a stall within its limit still counts as progress");
        loopStalled.set(Duration.ofSeconds(31));
        scheduler.advance(Duration.ofSeconds(5));
        assertEquals(4, progress.get(), "no WATCHDOG=1 once a part is past its limit");
        assertEquals(List.of("reconcile loop"), stalls);
        check.close();
    }
}
