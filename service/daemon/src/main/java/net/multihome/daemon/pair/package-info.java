/**
 * The daemon's side of a redundant pair: it writes keepalived's and conntrackd's configuration
 * and keepalived's track value into its runtime directory, and follows the VRRP state that the
 * notify script (packaging/pair/vrrp-notify) writes there. keepalived and conntrackd run as
 * services of their own; the daemon never starts or signals them.
 */
package net.multihome.daemon.pair;
