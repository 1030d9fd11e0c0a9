/**
 * DHCPv4 leases as the clients' hooks report them (packaging/dhcp/dhclient-exit-hook writes one
 * file per interface): what the planner learns besides the kernel's addresses and routes, so a
 * lease whose default route the client could not install still makes its provider usable.
 */
package net.multihome.core.lease;
