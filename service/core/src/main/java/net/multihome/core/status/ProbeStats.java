package net.multihome.core.status;

import java.math.BigDecimal;

/**
 * Health-check statistics over the configured window, plus counters since start.
 *
 * @param rttAverageMicros average round-trip time of answered probes, microseconds (0 when none answered)
 * @param rttMinMicros smallest round-trip time, microseconds
 * @param rttMaxMicros largest round-trip time, microseconds
 * @param jitterMicros mean absolute difference of consecutive round-trip times, microseconds
 * @param lossPercent share of probes in the window without an answer, percent with 2 decimals
 * @param probesSent probes sent since start
 * @param probesLost probes without an answer since start
 */
public record ProbeStats(long rttAverageMicros, long rttMinMicros, long rttMaxMicros, long jitterMicros,
        BigDecimal lossPercent, long probesSent, long probesLost) {

    public static final ProbeStats NONE = new ProbeStats(0, 0, 0, 0, BigDecimal.ZERO, 0, 0);
}
