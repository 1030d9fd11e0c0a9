/**
 * Test support: a fake status source with a fixed router, a fake VRRP source, and runners for the net-snmp and
 * libsmi command line tools (bounded by timeouts, skipped when not installed).
 */
package net.multihome.snmp.testing;
