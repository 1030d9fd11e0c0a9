/**
 * The port the daemon implements for the NETCONF layer, so that this layer knows no kernel:
 * running a probe round on demand. Running configuration changes go through the core's
 * configuration store.
 */
package net.multihome.netconf.port;
