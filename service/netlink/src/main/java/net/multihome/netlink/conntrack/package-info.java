/**
 * Connection tracking over ctnetlink ({@code NETLINK_NETFILTER}, subsystem {@code NFNL_SUBSYS_CTNETLINK}):
 * listing the entries whose conntrack mark matches a value under a mask, and deleting exactly
 * those, so that the flows of a provider that left start over through the others. Numbers in
 * nfnetlink attributes are in network byte order, unlike rtnetlink's.
 */
package net.multihome.netlink.conntrack;
