package net.multihome.core.health;

import java.time.Duration;
import net.multihome.core.config.HealthCheck;

/**
 * Sends one probe and waits for its answer. Blocks the calling thread up to {@code timeout};
 * never throws for network conditions, which are results.
 */
@FunctionalInterface
public interface Prober {

    ProbeResult probe(HealthCheck.Target target, ProbeBinding binding, Duration timeout);
}
