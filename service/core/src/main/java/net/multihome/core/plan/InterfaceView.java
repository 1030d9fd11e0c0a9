package net.multihome.core.plan;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import net.multihome.netlink.model.Address;
import net.multihome.netlink.model.Family;

/**
 * One interface as the kernel reports it, with what the planner may learn from it.
 *
 * @param learnedGateways per family, the gateway a DHCP lease names or of a default route through
 *     this interface that someone else (a DHCP client, router advertisements) installed
 * @param leaseLoss why the interface's DHCP lease was lost ("DHCPv4 lease lost: EXPIRE"), or null
 */
public record InterfaceView(String name, int ifindex, boolean adminUp, boolean carrier, List<Address> addresses,
        Map<Family, InetAddress> learnedGateways, String leaseLoss) {

    public InterfaceView {
        addresses = List.copyOf(addresses);
        learnedGateways = Map.copyOf(learnedGateways);
    }

    /** An interface without news from a DHCP client. */
    public InterfaceView(String name, int ifindex, boolean adminUp, boolean carrier, List<Address> addresses,
            Map<Family, InetAddress> learnedGateways) {
        this(name, ifindex, adminUp, carrier, addresses, learnedGateways, null);
    }
}
