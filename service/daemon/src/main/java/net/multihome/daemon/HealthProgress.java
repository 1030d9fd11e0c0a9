package net.multihome.daemon;

import java.time.Duration;
import java.util.function.LongSupplier;
import net.multihome.core.config.HealthCheck;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.config.Provider;
import net.multihome.core.health.HealthMonitor;

/**
 * Whether probe rounds are still being counted, for the self-check: the time since the count
 * last moved while some provider is probed. Asked from the self-check's single thread only.
 */
final class HealthProgress {

    private final HealthMonitor health;
    private final LongSupplier nanoTime;
    private long lastCount = -1;
    private long lastMove;

    HealthProgress(HealthMonitor health, LongSupplier nanoTime) {
        this.health = health;
        this.nanoTime = nanoTime;
    }

    Duration stalledFor() {
        long now = nanoTime.getAsLong();
        long count = health.roundsCounted();
        if (count != lastCount || !health.probing()) {
            lastCount = count;
            lastMove = now;
            return Duration.ZERO;
        }
        return Duration.ofNanos(now - lastMove);
    }

    /** The longest a provider's rounds may be apart: its interval plus its timeout. */
    static Duration longestRound(MultihomeConfig config) {
        Duration longest = Duration.ZERO;
        for (Provider p : config.providers()) {
            HealthCheck check = p.healthCheck();
            if (p.enabled() && check != null && check.enabled()) {
                Duration round = check.interval().plus(check.timeout());
                if (round.compareTo(longest) > 0) {
                    longest = round;
                }
            }
        }
        return longest;
    }
}
