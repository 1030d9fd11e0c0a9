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
 * @param flags the kernel's {@code IFA_F_*} flags ({@code IFA_FLAGS}, else {@code ifa_flags})
 */
public record Address(int ifindex, InetAddress address, int prefixLength, RouteScope scope, InetAddress peer,
        int flags) {

    /** Its duplicate address detection failed: the kernel will not use it. */
    public static final int DADFAILED = 0x08;
    /** Its preferred lifetime ended (a renumbered-away SLAAC prefix): kept for old connections only. */
    public static final int DEPRECATED = 0x20;
    /** Duplicate address detection is still running: the kernel refuses it as a source. */
    public static final int TENTATIVE = 0x40;

    /** An address of a broadcast or loopback interface: no peer, no flags. */
    public Address(int ifindex, InetAddress address, int prefixLength, RouteScope scope) {
        this(ifindex, address, prefixLength, scope, null, 0);
    }

    /** An address as configured: no flags. */
    public Address(int ifindex, InetAddress address, int prefixLength, RouteScope scope, InetAddress peer) {
        this(ifindex, address, prefixLength, scope, peer, 0);
    }

    public Family family() {
        return Family.of(address);
    }

    /** The on-link network this address implies: on a point-to-point link, the peer's. */
    public IpPrefix network() {
        return new IpPrefix(peer == null ? address : peer, prefixLength);
    }

    /** Whether the kernel may pick it as the source of new connections (not tentative, failed or deprecated). */
    public boolean preferred() {
        return (flags & (DADFAILED | DEPRECATED | TENTATIVE)) == 0;
    }
}
