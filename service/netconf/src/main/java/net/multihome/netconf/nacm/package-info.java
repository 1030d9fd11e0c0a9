/**
 * NETCONF access control (RFC 8341) on the RPC path. {@link net.multihome.netconf.nacm.AccessDecider}
 * is the pure rule evaluation of RFC 8341 3.4 over the rules of the validated configuration
 * ({@link net.multihome.core.config.Nacm}); {@link net.multihome.netconf.nacm.NacmEnforcer}
 * applies it with the rules of running at each check: exec checks before an operation, read
 * filtering of get and get-config, write checks of edit-config and copy-config, and the denial
 * counters. Nothing here takes a lock.
 */
package net.multihome.netconf.nacm;
