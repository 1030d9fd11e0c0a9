package net.multihome.core.config;

import net.multihome.netlink.model.IpPrefix;

/**
 * A network behind the router, reachable from every provider's table.
 *
 * @param translate whether its IPv4 sources are translated when they leave by a provider
 */
public record LocalNetwork(IpPrefix prefix, String interfaceName, boolean translate) {
}
