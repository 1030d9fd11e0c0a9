/**
 * {@code multihome status}: the daemon serves its status snapshot, as text or JSON, on a local
 * read-only unix socket to root and members of group {@code multihome}; the client prints it.
 */
package net.multihome.daemon.status;
