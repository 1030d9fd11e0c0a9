package net.multihome.core.config;

import net.multihome.netlink.model.IpPrefix;

/** A network behind the router, reachable from every provider's table. */
public record LocalNetwork(IpPrefix prefix, String interfaceName) {
}
