package net.multihome.core.reconcile;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
     */
    static KernelView of(List<Link> links, List<Address> addresses, List<Route> routes, int ownProtocol) {
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
            interfaces.put(link.name(), new InterfaceView(link.name(), link.index(), link.adminUp(), link.carrier(),
                    byLink.getOrDefault(link.index(), List.of()), gateways.getOrDefault(link.index(), Map.of())));
        }
        return new KernelView(interfaces);
    }
}
