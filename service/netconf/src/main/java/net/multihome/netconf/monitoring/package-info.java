/**
 * What the server says about itself: the capability list of its hello, RFC 6022
 * ietf-netconf-monitoring (netconf-state data built by hand, and get-schema serving the exact
 * module texts), and the RFC 8525 YANG library content-id.
 */
package net.multihome.netconf.monitoring;
