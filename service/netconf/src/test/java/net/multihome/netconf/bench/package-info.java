/**
 * Benchmark helpers run as commands by {@code bench/netconf-bench.sh} (not unit tests).
 */
package net.multihome.netconf.bench;
