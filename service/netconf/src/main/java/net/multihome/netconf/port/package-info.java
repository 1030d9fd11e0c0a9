/**
 * The ports the daemon implements for the NETCONF layer, so that this layer knows no kernel:
 * applying a new running configuration and running a probe round on demand.
 */
package net.multihome.netconf.port;
