package net.multihome.core.health;

import java.time.Instant;
import net.multihome.core.plan.ProviderHealth;

/** A provider's health verdict changed; the daemon re-plans on it. */
public record VerdictChange(String provider, ProviderHealth oldHealth, ProviderHealth newHealth, String reason,
        Instant at) {
}
