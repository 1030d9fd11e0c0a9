package net.multihome.core.config;

import java.net.InetAddress;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.IpPrefix;

/**
 * One address family of a provider. Absent values (null) are learned from the kernel.
 *
 * @param address the router's address on the uplink, or null to learn it
 * @param prefixLength length of the uplink network, or null to learn it
 * @param gateway the provider's router, or null to learn it
 */
public record AddressConfig(Family family, InetAddress address, Integer prefixLength, InetAddress gateway) {

    /** The uplink network, when address and prefix length are both configured. */
    public IpPrefix network() {
        return address == null || prefixLength == null ? null : new IpPrefix(address, prefixLength);
    }
}
