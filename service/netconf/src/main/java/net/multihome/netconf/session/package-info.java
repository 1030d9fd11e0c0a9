/**
 * The NETCONF session protocol over any pair of byte streams: hello exchange and framing
 * choice, RPC validation and dispatch to registered handlers, replies and notifications
 * written under one lock, the built-in close-session and kill-session operations, and the
 * registry of live sessions with their RFC 6022 counters. It knows neither SSH nor datastores.
 */
package net.multihome.netconf.session;
