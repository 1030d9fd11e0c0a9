/**
 * Hardened XML for NETCONF: parsing untrusted bytes to a namespace-aware DOM with DTDs,
 * external entities and XInclude refused and nesting bounded, and serialising DOM back to
 * bytes with every namespace prefix declared and no XML declaration.
 */
package net.multihome.netconf.xml;
