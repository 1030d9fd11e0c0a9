package net.multihome.netlink.model;

import java.net.InetAddress;

/**
 * An address assigned to an interface ({@code ip addr}).
 *
 * @param ifindex interface it is on
 * @param address the local address
 * @param prefixLength length of the on-link network
 * @param scope universe, link or host
 */
public record Address(int ifindex, InetAddress address, int prefixLength, RouteScope scope) {

    public Family family() {
        return Family.of(address);
    }

    /** The on-link network this address implies. */
    public IpPrefix network() {
        return new IpPrefix(address, prefixLength);
    }
}
