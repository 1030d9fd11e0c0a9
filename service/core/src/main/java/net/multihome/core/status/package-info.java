/**
 * What the service reports: an immutable snapshot of providers, probes and kernel objects that
 * the NETCONF and SNMP adapters read (one snapshot per request, so a walk sees consistent
 * rows), and the provider state-change events they turn into notifications and traps.
 */
package net.multihome.core.status;
