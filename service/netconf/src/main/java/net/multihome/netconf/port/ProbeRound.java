package net.multihome.netconf.port;

import java.util.List;
import java.util.Objects;
import net.multihome.core.plan.OperStatus;

/** The result of one on-demand probe round: the provider's status after it and each target's answer. */
public record ProbeRound(OperStatus operStatus, List<TargetProbe> targets) {
    public ProbeRound {
        Objects.requireNonNull(operStatus, "operStatus");
        targets = List.copyOf(targets);
    }
}
