/**
 * Benchmark support (not run by the tests): an agent started from the command line and fed
 * from the real links of its network namespace, read with {@code ip -j -s -d link show}
 * while the netlink module is written.
 */
package net.multihome.snmp.bench;
