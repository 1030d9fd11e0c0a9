package net.multihome.core.config;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

/**
 * Probing of one uplink.
 *
 * @param window rounds over which RTT and loss are computed
 */
public record HealthCheck(
        boolean enabled,
        List<Target> targets,
        Duration interval,
        Duration timeout,
        int downCount,
        int upCount,
        int reliability,
        int window,
        Degraded degraded,
        Damping damping) {

    public HealthCheck {
        targets = List.copyOf(targets);
    }

    /** A probed host; {@code port} is 0 for ICMP. */
    public record Target(InetAddress address, Method method, int port) {
    }

    /** How a target is probed. */
    public enum Method { ICMP, TCP }

    /**
     * When a working provider counts as degraded.
     *
     * @param latencyThreshold null for none
     * @param lossThresholdPercent null for none
     */
    public record Degraded(Duration latencyThreshold, BigDecimal lossThresholdPercent, boolean keepInDefaultRoute) {
    }

    /** Flap damping: hold-down that doubles from {@code holdTime} up to {@code maxHoldTime}. */
    public record Damping(boolean enabled, int maxFlaps, Duration flapWindow, Duration holdTime,
            Duration maxHoldTime) {
    }
}
