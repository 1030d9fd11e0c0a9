/**
 * The running, candidate and startup datastores as yangtools data of {@code /mh:multihome},
 * edits on them (RFC 6241 edit-config operations), locks, and the one path by which running
 * changes: validate, apply through the daemon's port, then commit. It knows no transport.
 */
package net.multihome.netconf.datastore;
