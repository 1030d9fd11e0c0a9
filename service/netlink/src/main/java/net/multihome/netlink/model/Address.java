package net.multihome.netlink.model;

import java.net.InetAddress;

/**
 * An address assigned to an interface ({@code ip addr}).
 *
 * @param ifindex interface it is on
 * @param address the local address
 * @param prefixLength length of the on-link network
 * @param scope universe, link or host
 * @param peer the other end of a point-to-point link ({@code ip addr add A peer P}: pppd's
 *     addresses), or null
 */
public record Address(int ifindex, InetAddress address, int prefixLength, RouteScope scope, InetAddress peer) {

    /** An address of a broadcast or loopback interface: no peer. */
    public Address(int ifindex, InetAddress address, int prefixLength, RouteScope scope) {
        this(ifindex, address, prefixLength, scope, null);
    }

    public Family family() {
        return Family.of(address);
    }

    /** The on-link network this address implies: on a point-to-point link, the peer's. */
    public IpPrefix network() {
        return new IpPrefix(peer == null ? address : peer, prefixLength);
    }
}
