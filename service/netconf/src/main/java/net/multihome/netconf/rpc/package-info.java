/**
 * The contract between the NETCONF session layer and the layers above it: RPC handlers
 * registered by (namespace, operation name), the request they get, the sealed reply they
 * return, RFC 6241 errors as values, and the session a handler runs in. Nothing here knows
 * about SSH, framing or datastores.
 */
package net.multihome.netconf.rpc;
