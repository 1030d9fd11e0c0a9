/**
 * The RFC 6241 operations (and the multihome probe RPC), one {@link net.multihome.netconf.rpc.RpcHandler}
 * class each, registered by (namespace, name) in {@link net.multihome.netconf.ops.Operations}.
 * Handlers read their parameters, call the datastores, and turn every refusal into an error
 * reply; none throws through the protocol boundary.
 */
package net.multihome.netconf.ops;
