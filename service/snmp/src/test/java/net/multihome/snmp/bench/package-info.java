/**
 * Benchmark support (not run by the tests): an agent started from the command line and fed
 * from the real links of its network namespace, read over netlink every second as the daemon
 * reads them.
 */
package net.multihome.snmp.bench;
