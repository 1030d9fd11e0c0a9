package net.multihome.netconf.session;

import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.rpc.RpcRequest;

/** An operation owned by the session layer, which needs more of the session than handlers see. */
@FunctionalInterface
interface SessionOperation {
    RpcReply execute(RpcRequest request, ProtocolSession session);
}
