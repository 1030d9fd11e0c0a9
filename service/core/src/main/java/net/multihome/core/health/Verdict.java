package net.multihome.core.health;

import java.time.Instant;
import java.util.Objects;
import net.multihome.core.plan.ProviderHealth;

/**
 * What health checks conclude about one provider.
 *
 * @param reason why, in words (shown as the provider's reason)
 * @param since when {@code health} last changed
 */
public record Verdict(ProviderHealth health, String reason, Instant since) {

    public Verdict {
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(since, "since");
    }
}
