package net.multihome.core.plan;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.multihome.core.config.ConnectionMarks;
import net.multihome.core.config.LocalNetwork;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.config.Nat;
import net.multihome.core.config.Policy;
import net.multihome.core.config.PortForward;
import net.multihome.core.config.Provider;
import net.multihome.netlink.model.Family;

/** The planner's translation part: the nftables table's content from configuration and assessments. Pure. */
final class NatPlanner {

    private NatPlanner() {
    }

    static NatPlan plan(MultihomeConfig config, List<ProviderAssessment> assessments) {
        if (!config.translates()) {
            return NatPlan.NONE;
        }
        List<NatPlan.Uplink> uplinks = new ArrayList<>();
        List<NatPlan.SourceNat> sourceNats = new ArrayList<>();
        Set<Long> serving = new HashSet<>();
        for (ProviderAssessment a : assessments) {
            Provider p = a.provider();
            if (!p.enabled()) {
                continue;
            }
            uplinks.add(new NatPlan.Uplink(p.interfaceName(), ConnectionMarks.of(p)));
            if (a.usable()) {
                serving.add(ConnectionMarks.of(p));
            }
            if (p.nat().mode() == Nat.Mode.NONE) {
                continue;
            }
            for (LocalNetwork local : config.localNetworks()) {
                Family family = local.prefix().family();
                if (local.translate() && p.family(family) != null) {
                    // The snat address is IPv4; IPv6 leaving by the provider takes its address (NAT66).
                    sourceNats.add(new NatPlan.SourceNat(local.prefix(), p.interfaceName(),
                            family == Family.INET ? p.nat().address() : null));
                }
            }
        }
        Map<String, ProviderAssessment> byName = assessments.stream()
                .collect(Collectors.toMap(a -> a.provider().name(), Function.identity()));
        List<NatPlan.Forward> forwards = new ArrayList<>();
        for (PortForward f : config.portForwards()) {
            ProviderAssessment a = byName.get(f.provider());
            if (a == null || !a.provider().enabled()) {
                continue;
            }
            a.family(Family.INET).ifPresent(v4 -> forwards.add(forward(f, a.provider(), v4.address())));
        }
        List<NatPlan.Sticky> stickies = config.policies().stream().filter(Policy::sticky)
                .map(p -> new NatPlan.Sticky(p.source(), p.destination(), p.inputInterface(), p.protocol(),
                        p.sourcePorts(), p.destinationPorts()))
                .toList();
        return new NatPlan(uplinks, sourceNats, forwards, serving, stickies);
    }

    private static NatPlan.Forward forward(PortForward f, Provider p, InetAddress address) {
        return new NatPlan.Forward(p.interfaceName(), address, f.protocol().number(), f.port(), f.toAddress(),
                f.toPort());
    }
}
