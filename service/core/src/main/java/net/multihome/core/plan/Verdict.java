package net.multihome.core.plan;

import java.time.Instant;
import java.util.Objects;

/**
 * What health checks conclude about one provider; the planner reports its reason as the
 * provider's when health decides the provider's status.
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

    /** For a provider health checks have not judged yet: up until proven down. */
    public static Verdict unjudged() {
        return new Verdict(ProviderHealth.UP, "no health verdict yet", Instant.EPOCH);
    }

    /** Whether the planner would decide the same with {@code other}: health and reason, not the time stamp. */
    public boolean samePlanInput(Verdict other) {
        return other != null && health == other.health && reason.equals(other.reason);
    }
}
