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
 * @param suppressPrefixLength {@code FRA_SUPPRESS_PREFIXLEN}: a lookup result with a prefix this
 *     long or shorter is ignored ({@code suppress_prefixlength 0} skips default routes), or
 *     {@link #NO_SUPPRESSION}
 * @param gotoPriority {@code FRA_GOTO}: where a {@link RuleAction#GOTO} rule continues, or 0
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
        int protocol,
        int suppressPrefixLength,
        int gotoPriority) {

    /** The kernel's value for a rule without {@code suppress_prefixlength}. */
    public static final int NO_SUPPRESSION = -1;

    public Rule {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(action, "action");
        if (suppressPrefixLength < NO_SUPPRESSION || suppressPrefixLength > 128) {
            throw new IllegalArgumentException("suppress_prefixlength " + suppressPrefixLength + " is outside -1..128");
        }
        if ((action == RuleAction.GOTO) != (gotoPriority != 0)) {
            throw new IllegalArgumentException("a goto target belongs to goto rules only, and every goto needs one");
        }
    }

    /** A rule without {@code suppress_prefixlength} and without {@code goto}. */
    public Rule(Family family, int priority, IpPrefix source, IpPrefix destination, String iifName, String oifName,
            long fwmark, long fwmask, int ipProtocol, PortRange sourcePorts, PortRange destinationPorts, long table,
            RuleAction action, int protocol) {
        this(family, priority, source, destination, iifName, oifName, fwmark, fwmask, ipProtocol, sourcePorts,
                destinationPorts, table, action, protocol, NO_SUPPRESSION, 0);
    }
}
