/**
 * State data (config false) for {@code <get>}: the status snapshot of each provider written
 * next to its configuration, as the multihome YANG module places it, and the kernel-state
 * container.
 */
package net.multihome.netconf.state;
