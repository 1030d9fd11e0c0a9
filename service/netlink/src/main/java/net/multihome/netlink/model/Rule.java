package net.multihome.netlink.model;

import java.util.Objects;

/**
 * A routing policy rule ({@code ip rule}). Null or zero fields do not match on anything.
 *
 * @param family address family
 * @param priority {@code FRA_PRIORITY}; lower runs first
 * @param source match on source network, or null
 * @param destination match on destination network, or null
 * @param iifName match on input interface name, or null
 * @param oifName match on output interface name, or null
 * @param fwmark match on firewall mark, or 0
 * @param fwmask mask for {@code fwmark}, or 0
 * @param ipProtocol match on IP protocol number, or 0
 * @param sourcePorts match on source ports, or null
 * @param destinationPorts match on destination ports, or null
 * @param table table to look up for {@link RuleAction#TO_TABLE}
 * @param action what a match does
 * @param protocol {@code FRA_PROTOCOL}: who installed it (our owner tag for ours)
 */
public record Rule(
        Family family,
        int priority,
        IpPrefix source,
        IpPrefix destination,
        String iifName,
        String oifName,
        long fwmark,
        long fwmask,
        int ipProtocol,
        PortRange sourcePorts,
        PortRange destinationPorts,
        long table,
        RuleAction action,
        int protocol) {

    public Rule {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(action, "action");
    }
}
