/**
 * RFC 5277 notifications on the NETCONF stream: create-subscription (one per session,
 * interleaved with RPCs), a per-session queue drained by that session's own virtual thread so a
 * slow client never holds up the others, and the events: provider-state-change (multihome) and
 * the RFC 6470 netconf-config-change, netconf-session-start/end and netconf-confirmed-commit.
 */
package net.multihome.netconf.notify;
