package net.multihome.netconf.session;

import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.rpc.RpcRequest;

/** RFC 6241 section 7.8 close-session: reply ok, then end the session. */
final class CloseSession implements SessionOperation {
    @Override
    public RpcReply execute(RpcRequest request, ProtocolSession session) {
        session.closeAfterReply();
        return RpcReply.ok();
    }
}
