package net.multihome.core.plan;

import java.net.InetAddress;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.IpPrefix;

/**
 * One address family of a provider with every value known, configured or learned.
 *
 * @param learned whether any value came from the kernel rather than the configuration
 */
public record ResolvedFamily(Family family, InetAddress address, IpPrefix network, InetAddress gateway,
        boolean learned) {
}
