package net.multihome.core.plan;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.multihome.core.config.AddressConfig;
import net.multihome.core.config.Provider;
import net.multihome.netlink.model.Address;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.IpPrefix;
import net.multihome.netlink.model.RouteScope;

/**
 * A provider's status and its known addresses, derived from configuration, interface state
 * and health. Part of the planner: pure.
 */
record ProviderAssessment(Provider provider, OperStatus status, String reason, InterfaceView link,
        List<ResolvedFamily> families) {

    static ProviderAssessment of(Provider provider, Verdict health, KernelView kernel) {
        if (!provider.enabled()) {
            return new ProviderAssessment(provider, OperStatus.DISABLED, "disabled in the configuration", null,
                    List.of());
        }
        Optional<InterfaceView> found = kernel.find(provider.interfaceName());
        if (found.isEmpty()) {
            return new ProviderAssessment(provider, OperStatus.NO_INTERFACE,
                    "interface " + provider.interfaceName() + " does not exist", null, List.of());
        }
        InterfaceView link = found.get();
        List<ResolvedFamily> families = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> partly = new ArrayList<>();
        for (AddressConfig family : provider.families()) {
            Optional<ResolvedFamily> resolved = resolve(family, link);
            resolved.ifPresent(families::add);
            if (resolved.isEmpty()) {
                missing.add(name(family.family()));
                partly.add(unresolved(family, link));
            }
        }
        if (families.isEmpty()) {
            return new ProviderAssessment(provider, OperStatus.NO_INTERFACE, "interface " + link.name()
                    + " has no usable " + String.join(" or ", missing) + " address and gateway"
                    + (link.leaseLoss() == null ? "" : " (" + link.leaseLoss() + ")"), link, families);
        }
        if (!link.adminUp()) {
            return new ProviderAssessment(provider, OperStatus.DOWN,
                    withUnresolved("interface " + link.name() + " is administratively down", partly), link, families);
        }
        if (!link.carrier()) {
            return new ProviderAssessment(provider, OperStatus.DOWN,
                    withUnresolved("interface " + link.name() + " has no carrier", partly), link, families);
        }
        OperStatus status = switch (health.health()) {
            case DOWN -> OperStatus.DOWN;
            case DEGRADED -> OperStatus.DEGRADED;
            case UP -> OperStatus.UP;
        };
        return new ProviderAssessment(provider, status, withUnresolved(health.reason(), partly), link, families);
    }

    /** Whether the uplink can carry traffic at all (policies may use it). */
    boolean usable() {
        return status == OperStatus.UP || status == OperStatus.DEGRADED;
    }

    /** Whether routes through the uplink can be installed (the kernel refuses them on a downed link). */
    boolean linkAdminUp() {
        return link != null && link.adminUp() && !families.isEmpty();
    }

    /** Whether only health keeps the provider out: its link is up (for the all-down last resort). */
    boolean linkUp() {
        return linkAdminUp() && link.carrier();
    }

    /** A loop, not a stream: the planner asks this twice per policy, thousands of times a pass. */
    Optional<ResolvedFamily> family(Family family) {
        for (ResolvedFamily f : families) {
            if (f.family() == family) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private static Optional<ResolvedFamily> resolve(AddressConfig config, InterfaceView link) {
        Optional<Address> assigned = assigned(config, link);
        InetAddress address = config.address() != null ? config.address()
                : assigned.map(Address::address).orElse(null);
        Integer length = config.prefixLength() != null ? config.prefixLength()
                : assigned.map(Address::prefixLength).orElse(null);
        // On a point-to-point link (pppd's) the peer is the gateway and the network is the peer's.
        InetAddress peer = assigned.map(Address::peer).orElse(null);
        InetAddress gateway = config.gateway() != null ? config.gateway()
                : link.learnedGateways().getOrDefault(config.family(), peer);
        if (address == null || length == null || gateway == null) {
            return Optional.empty();
        }
        boolean learned = config.address() == null || config.prefixLength() == null || config.gateway() == null;
        return Optional.of(new ResolvedFamily(config.family(), address,
                new IpPrefix(peer == null ? address : peer, length), gateway, learned));
    }

    /**
     * The interface's address for this family: a preferred one first (after a renumbering
     * the old SLAAC address lingers deprecated, whichever way the kernel lists them), else a
     * deprecated one; never one the kernel refuses as a source (tentative or DAD-failed).
     */
    private static Optional<Address> assigned(AddressConfig config, InterfaceView link) {
        Address fallback = null;
        for (Address a : link.addresses()) {
            if (a.family() != config.family() || a.scope() != RouteScope.UNIVERSE
                    || config.address() != null && !a.address().equals(config.address())
                    || (a.flags() & (Address.TENTATIVE | Address.DADFAILED)) != 0) {
                continue;
            }
            if (a.preferred()) {
                return Optional.of(a);
            }
            if (fallback == null) {
                fallback = a;
            }
        }
        return Optional.ofNullable(fallback);
    }

    /** Why one family of an otherwise working provider is not routed. */
    private static String unresolved(AddressConfig config, InterfaceView link) {
        boolean assigned = assigned(config, link).isPresent();
        boolean address = (config.address() != null || assigned) && (config.prefixLength() != null || assigned);
        boolean gateway = config.gateway() != null || link.learnedGateways().containsKey(config.family());
        String what = !address && !gateway ? "address and gateway" : !address ? "address" : "gateway";
        return name(config.family()) + " not routed: interface " + link.name() + " has no usable "
                + name(config.family()) + " " + what
                + (config.family() == Family.INET6 && !gateway ? " (no default route from router advertisements)" : "");
    }

    private static String withUnresolved(String reason, List<String> unresolved) {
        return unresolved.isEmpty() ? reason : reason + "; " + String.join("; ", unresolved);
    }

    private static String name(Family family) {
        return family == Family.INET ? "IPv4" : "IPv6";
    }
}
