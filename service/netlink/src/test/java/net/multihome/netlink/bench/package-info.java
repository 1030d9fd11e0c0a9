/**
 * Throughput benchmark of the netlink layer, run as a command by {@code bench/netlink-bench.sh}
 * (not a unit test): batched add/remove of routes, weighted multipath routes, rules and
 * nexthop objects and groups in a namespace the script prepares.
 */
package net.multihome.netlink.bench;
