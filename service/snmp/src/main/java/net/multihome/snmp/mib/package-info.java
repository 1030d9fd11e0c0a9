/**
 * The MIB objects the agent serves, rendered from one immutable status snapshot: the
 * MULTIHOME-MIB (general scalars, provider and probe-target tables, the
 * redundancy scalars with the VRRP state beside the snapshot), and IF-MIB's ifTable and
 * ifXTable from the snapshot's links. Each subtree is a read-only managed object that turns a
 * snapshot into a sorted map of instance OIDs, so GET, GETNEXT and GETBULK are map lookups and
 * one request never mixes two snapshots.
 */
package net.multihome.snmp.mib;
