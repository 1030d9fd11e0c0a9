/**
 * The redundant router pair, as files: the keepalived and conntrackd configurations rendered from
 * the validated configuration, the track value keepalived reads, and the VRRP state its notify
 * script writes. Pure functions; the daemon does the reading and writing and offers the state to
 * the adapters as a {@link net.multihome.core.pair.VrrpSource}.
 */
package net.multihome.core.pair;
