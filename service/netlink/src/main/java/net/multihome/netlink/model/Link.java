package net.multihome.netlink.model;

/**
 * A network interface as the kernel reports it.
 *
 * @param index ifindex
 * @param name interface name
 * @param adminUp {@code IFF_UP}
 * @param carrier {@code IFF_LOWER_UP}: the physical layer is up
 * @param operState RFC 2863 operational state
 * @param mtu MTU in bytes
 * @param alias {@code IFLA_IFALIAS}, or null
 * @param kind {@code IFLA_INFO_KIND} (veth, bridge, ...), or null for plain devices
 * @param stats 64-bit counters
 */
public record Link(int index, String name, boolean adminUp, boolean carrier, OperState operState,
        int mtu, String alias, String kind, LinkStats stats) {
}
