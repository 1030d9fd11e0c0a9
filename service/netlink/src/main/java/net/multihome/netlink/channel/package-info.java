/**
 * Request/response over one netlink socket, whatever its protocol: sequence numbers, batches
 * with per-request results, dumps and single gets. Shared by the rtnetlink and ctnetlink
 * handles; not exported.
 */
package net.multihome.netlink.channel;
