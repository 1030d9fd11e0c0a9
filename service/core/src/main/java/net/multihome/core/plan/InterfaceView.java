package net.multihome.core.plan;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import net.multihome.netlink.model.Address;
import net.multihome.netlink.model.Family;

/**
 * One interface as the kernel reports it, with what the planner may learn from it.
 *
 * @param learnedGateways per family, the gateway of a default route through this interface
 *     that someone else (a DHCP client, router advertisements) installed
 */
public record InterfaceView(String name, int ifindex, boolean adminUp, boolean carrier, List<Address> addresses,
        Map<Family, InetAddress> learnedGateways) {

    public InterfaceView {
        addresses = List.copyOf(addresses);
        learnedGateways = Map.copyOf(learnedGateways);
    }
}
