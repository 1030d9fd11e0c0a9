package net.multihome.core.health;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import net.multihome.core.status.ProbeStats;

/**
 * The last {@code capacity} probe results of one target (one per round), plus counters since
 * start. Not thread-safe; its owner serialises calls.
 */
final class ProbeWindow {

    private static final long LOST = -1;

    private final long[] rtts;
    private int size;
    private int next;
    private long sent;
    private long lost;

    ProbeWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("window must hold at least one round: " + capacity);
        }
        rtts = new long[capacity];
    }

    /** An independent copy, for a provider's state handed over on a configuration change. */
    ProbeWindow copy() {
        ProbeWindow c = new ProbeWindow(rtts.length);
        System.arraycopy(rtts, 0, c.rtts, 0, rtts.length);
        c.size = size;
        c.next = next;
        c.sent = sent;
        c.lost = lost;
        return c;
    }

    void add(boolean answered, long rttMicros) {
        rtts[next] = answered ? Math.max(0, rttMicros) : LOST;
        next = (next + 1) % rtts.length;
        size = Math.min(size + 1, rtts.length);
        sent++;
        if (!answered) {
            lost++;
        }
    }

    ProbeStats stats() {
        return combine(List.of(this));
    }

    /**
     * Statistics over several windows, e.g. all targets of a provider: RTTs and loss pooled, and
     * jitter as the mean of the absolute differences between consecutive answered probes of
     * the same target.
     */
    static ProbeStats combine(Collection<ProbeWindow> windows) {
        long inWindow = 0;
        long lostInWindow = 0;
        long answered = 0;
        long rttSum = 0;
        long min = Long.MAX_VALUE;
        long max = 0;
        long diffSum = 0;
        long diffs = 0;
        long sentTotal = 0;
        long lostTotal = 0;
        for (ProbeWindow w : windows) {
            sentTotal += w.sent;
            lostTotal += w.lost;
            long previous = LOST;
            for (int i = 0; i < w.size; i++) {
                long rtt = w.rtts[Math.floorMod(w.next - w.size + i, w.rtts.length)];
                inWindow++;
                if (rtt == LOST) {
                    lostInWindow++;
                    continue;
                }
                answered++;
                rttSum += rtt;
                min = Math.min(min, rtt);
                max = Math.max(max, rtt);
                if (previous != LOST) {
                    diffSum += Math.abs(rtt - previous);
                    diffs++;
                }
                previous = rtt;
            }
        }
        BigDecimal loss = inWindow == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(lostInWindow * 100).divide(BigDecimal.valueOf(inWindow), 2, RoundingMode.HALF_UP);
        return new ProbeStats(answered == 0 ? 0 : rttSum / answered, answered == 0 ? 0 : min, max,
                diffs == 0 ? 0 : diffSum / diffs, loss, sentTotal, lostTotal);
    }
}
