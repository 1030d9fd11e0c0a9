package net.multihome.netconf.rpc;

/**
 * Executes one RPC operation. Handlers report failures as {@link RpcReply.Error}; an exception
 * that escapes anyway becomes an operation-failed rpc-error and the session stays up.
 * A session calls its handlers one at a time, in request order.
 */
@FunctionalInterface
public interface RpcHandler {
    RpcReply handle(RpcRequest request, NetconfSession session);
}
