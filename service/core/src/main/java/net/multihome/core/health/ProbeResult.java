package net.multihome.core.health;

import net.multihome.core.config.HealthCheck;

/**
 * The outcome of one probe.
 *
 * @param rttMicros round-trip time when answered, else 0
 * @param error why no answer came ("timed out after 300 ms", "sendto: ENETUNREACH: ..."), null when answered
 */
public record ProbeResult(HealthCheck.Target target, boolean answered, long rttMicros, String error) {

    static ProbeResult answered(HealthCheck.Target target, long rttMicros) {
        return new ProbeResult(target, true, rttMicros, null);
    }

    static ProbeResult failed(HealthCheck.Target target, String error) {
        return new ProbeResult(target, false, 0, error);
    }
}
