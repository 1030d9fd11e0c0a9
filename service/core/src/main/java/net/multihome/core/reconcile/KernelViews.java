package net.multihome.core.reconcile;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.multihome.core.lease.DhcpLease;
import net.multihome.core.plan.InterfaceView;
import net.multihome.core.plan.KernelView;
import net.multihome.core.plan.Planner;
import net.multihome.netlink.model.Address;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.Link;
import net.multihome.netlink.model.Route;

/** Builds the planner's view of interfaces from what the kernel reports. Pure. */
final class KernelViews {

    private KernelViews() {
    }

    /**
     * @param routes every route of the main table; default routes via a gateway that are not
     *     ours teach the gateway of their interface (a DHCP client or router advertisements put them there)
     * @param leases DHCPv4 leases by interface; a bound lease whose address the interface has
     *     teaches its router, even when the client could not install a route through it
     */
    static KernelView of(List<Link> links, List<Address> addresses, List<Route> routes, int ownProtocol,
            Map<String, DhcpLease> leases) {
        Map<Integer, List<Address>> byLink = new HashMap<>();
        addresses.forEach(a -> byLink.computeIfAbsent(a.ifindex(), i -> new ArrayList<>()).add(a));
        Map<Integer, Map<Family, InetAddress>> gateways = new HashMap<>();
        for (Route r : routes) {
            if (r.table() == Planner.MAIN_TABLE && r.destination().isDefault() && r.protocol() != ownProtocol
                    && r.gateway() != null && r.oif() != 0) {
                gateways.computeIfAbsent(r.oif(), i -> new EnumMap<>(Family.class)).putIfAbsent(r.family(), r.gateway());
            }
        }
        Map<String, InterfaceView> interfaces = new HashMap<>();
        for (Link link : links) {
            List<Address> assigned = byLink.getOrDefault(link.index(), List.of());
            Map<Family, InetAddress> learned = new EnumMap<>(Family.class);
            learned.putAll(gateways.getOrDefault(link.index(), Map.of()));
            DhcpLease lease = leases.get(link.name());
            String leaseLoss = null;
            if (lease != null && lease.bound()
                    && assigned.stream().anyMatch(a -> a.address().equals(lease.address()))) {
                // The lease is the client's own word: its address comes first (an old one may
                // linger after a renumbering) and its router beats a route it may have failed to replace.
                assigned = leasedFirst(assigned, lease);
                if (lease.gateway() != null) {
                    learned.put(Family.INET, lease.gateway());
                }
            } else if (lease != null && !lease.bound()) {
                leaseLoss = "DHCPv4 lease lost: " + lease.event();
            }
            interfaces.put(link.name(), new InterfaceView(link.name(), link.index(), link.adminUp(), link.carrier(),
                    assigned, learned, leaseLoss));
        }
        return new KernelView(interfaces);
    }

    private static List<Address> leasedFirst(List<Address> assigned, DhcpLease lease) {
        List<Address> ordered = new ArrayList<>(assigned);
        ordered.sort(Comparator.comparing(a -> !a.address().equals(lease.address())));
        return ordered;
    }
}
