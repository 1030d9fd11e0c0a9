package net.multihome.core.status;

import java.time.Instant;
import net.multihome.core.plan.OperStatus;

/** A provider's oper-status changed. */
public record ProviderStateChange(String provider, OperStatus oldStatus, OperStatus newStatus, String reason,
        Instant at) {
}
