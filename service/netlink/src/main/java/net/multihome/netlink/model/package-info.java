/**
 * Kernel-neutral value types for the objects rtnetlink manages: links, addresses, routes,
 * policy rules and nexthop objects. They know nothing about providers or configuration and
 * nothing about the wire format; the codec turns them into messages and back.
 */
package net.multihome.netlink.model;
