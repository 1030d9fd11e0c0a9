package net.multihome.core.health;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import net.multihome.core.config.HealthCheck;

/** Health-check configurations for tests, starting from the YANG defaults. */
final class HealthChecks {

    static final HealthCheck.Damping DEFAULT_DAMPING =
            new HealthCheck.Damping(true, 4, Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(300));
    static final HealthCheck.Degraded NO_THRESHOLDS = new HealthCheck.Degraded(null, null, true);

    private HealthChecks() {
    }

    static HealthCheck defaults(List<HealthCheck.Target> targets) {
        return new HealthCheck(true, targets, Duration.ofMillis(200), Duration.ofMillis(300), 3, 5, 1, 50,
                NO_THRESHOLDS, DEFAULT_DAMPING);
    }

    static HealthCheck.Target icmp(String address) {
        return new HealthCheck.Target(parse(address), HealthCheck.Method.ICMP, 0);
    }

    static HealthCheck.Target tcp(String address, int port) {
        return new HealthCheck.Target(parse(address), HealthCheck.Method.TCP, port);
    }

    static HealthCheck withReliability(HealthCheck c, int reliability) {
        return new HealthCheck(c.enabled(), c.targets(), c.interval(), c.timeout(), c.downCount(), c.upCount(),
                reliability, c.window(), c.degraded(), c.damping());
    }

    static HealthCheck withDegraded(HealthCheck c, Duration latency, String lossPercent) {
        return new HealthCheck(c.enabled(), c.targets(), c.interval(), c.timeout(), c.downCount(), c.upCount(),
                c.reliability(), c.window(),
                new HealthCheck.Degraded(latency, lossPercent == null ? null : new BigDecimal(lossPercent), true),
                c.damping());
    }

    static HealthCheck withDamping(HealthCheck c, HealthCheck.Damping damping) {
        return new HealthCheck(c.enabled(), c.targets(), c.interval(), c.timeout(), c.downCount(), c.upCount(),
                c.reliability(), c.window(), c.degraded(), damping);
    }

    static HealthCheck withTiming(HealthCheck c, Duration interval, Duration timeout) {
        return new HealthCheck(c.enabled(), c.targets(), interval, timeout, c.downCount(), c.upCount(),
                c.reliability(), c.window(), c.degraded(), c.damping());
    }

    private static InetAddress parse(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
