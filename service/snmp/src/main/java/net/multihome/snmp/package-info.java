/**
 * The SNMP agent of multihome: an SNMP4J-Agent {@code AgentConfigManager} serving SNMPv2-MIB,
 * IF-MIB and MULTIHOME-MIB read-only over UDP, v2c communities restricted by source prefix,
 * v3 USM users (SHA-2 auth, AES priv), and notifications (coldStart, provider and VRRP state changes)
 * as v2c/v3 traps or informs. {@link net.multihome.snmp.SnmpAgent} is the entry point; the
 * rest is package-private wiring.
 */
package net.multihome.snmp;
