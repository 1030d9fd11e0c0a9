/**
 * The NETCONF view of the configuration store: its content as XML of {@code /mh:multihome},
 * edits on it (RFC 6241 edit-config operations), and the mapping of the store's refusals to
 * rpc-errors. It knows no transport.
 */
package net.multihome.netconf.datastore;
