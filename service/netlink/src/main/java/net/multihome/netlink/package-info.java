/**
 * The rtnetlink API the rest of multihome calls: a {@link net.multihome.netlink.NetlinkHandle}
 * bound to one network namespace with add/replace/delete/dump operations for routes, rules,
 * nexthop objects, links and addresses; {@link net.multihome.netlink.NetlinkBatch} to send
 * many changes per {@code send()}; {@link net.multihome.netlink.NetlinkMonitor} for kernel
 * events. Failures are {@link net.multihome.netlink.NetlinkException}s carrying errno and the
 * kernel's extended-ack text.
 */
package net.multihome.netlink;
