/**
 * The rtnetlink wire format, apart from sockets and from the handle: {@code nlmsghdr},
 * attributes (nested too), {@code NLMSG_ERROR} with extended ack, and one codec per object
 * kind ({@code rtmsg} routes, {@code fib_rule_hdr} rules, {@code nhmsg} nexthops,
 * {@code ifinfomsg} links, {@code ifaddrmsg} addresses). Encoders write requests into a
 * {@link net.multihome.netlink.codec.MessageWriter}; decoders read one
 * {@link net.multihome.netlink.codec.NetlinkMessage} into a model value.
 */
package net.multihome.netlink.codec;
