/**
 * The rtnetlink API the rest of multihome calls: a {@link net.multihome.netlink.NetlinkHandle}
 * bound to one network namespace that dumps routes, rules, nexthop objects, links and addresses
 * and applies a {@link net.multihome.netlink.Change} (each kind of change listed once, with its
 * request and its {@code ip} wording); {@link net.multihome.netlink.NetlinkBatch} to send many
 * changes per {@code send()} and get an {@link net.multihome.netlink.ApplyResult} for each;
 * {@link net.multihome.netlink.NetlinkMonitor} for kernel events. A single operation that fails
 * throws a {@link net.multihome.netlink.NetlinkException} carrying errno and the kernel's
 * extended-ack text.
 */
package net.multihome.netlink;
