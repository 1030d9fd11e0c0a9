package net.multihome.core.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import net.multihome.core.status.ProbeStats;
import org.junit.jupiter.api.Test;

class ProbeWindowTest {

    @Test
    void emptyWindowReportsNothing() {
        assertEquals(new ProbeStats(0, 0, 0, 0, new BigDecimal("0.00"), 0, 0), new ProbeWindow(5).stats());
    }

    @Test
    void rttJitterAndLossOverTheWindow() {
        ProbeWindow w = new ProbeWindow(10);
        w.add(true, 1_000);
        w.add(true, 3_000);
        w.add(false, 0);
        w.add(true, 2_000);
        // jitter: |3000-1000| and |2000-3000| (the lost probe is skipped)
        assertEquals(new ProbeStats(2_000, 1_000, 3_000, 1_500, new BigDecimal("25.00"), 4, 1), w.stats());
    }

    @Test
    void oldRoundsLeaveTheWindowButStayInTheCounters() {
        ProbeWindow w = new ProbeWindow(3);
        w.add(false, 0);
        w.add(false, 0);
        w.add(true, 100);
        w.add(true, 200);
        w.add(true, 300);
        assertEquals(new ProbeStats(200, 100, 300, 100, new BigDecimal("0.00"), 5, 2), w.stats());
    }

    @Test
    void aCopyGoesOnIndependently() {
        ProbeWindow w = new ProbeWindow(3);
        w.add(true, 100);
        ProbeWindow c = w.copy();
        c.add(false, 0);
        assertEquals(new ProbeStats(100, 100, 100, 0, new BigDecimal("0.00"), 1, 0), w.stats());
        assertEquals(new ProbeStats(100, 100, 100, 0, new BigDecimal("50.00"), 2, 1), c.stats());
    }

    @Test
    void lossIsRoundedToTwoDecimals() {
        ProbeWindow w = new ProbeWindow(3);
        w.add(false, 0);
        w.add(true, 10);
        w.add(true, 10);
        assertEquals(new BigDecimal("33.33"), w.stats().lossPercent());
    }

    @Test
    void providerStatsPoolTargetsButJitterStaysPerTarget() {
        ProbeWindow a = new ProbeWindow(4);
        ProbeWindow b = new ProbeWindow(4);
        a.add(true, 1_000);
        a.add(true, 1_100);
        b.add(true, 50_000);
        b.add(false, 0);
        assertEquals(new ProbeStats(17_366, 1_000, 50_000, 100, new BigDecimal("25.00"), 4, 1),
                ProbeWindow.combine(List.of(a, b)));
    }
}
