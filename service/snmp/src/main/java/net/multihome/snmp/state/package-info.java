/**
 * What the agent keeps across restarts in its state directory: the SNMP engine ID and boot
 * counter (so v3 managers and trap receivers keep working), and the provider name to table
 * index map (so a provider keeps its row). Every file is replaced atomically.
 */
package net.multihome.snmp.state;
