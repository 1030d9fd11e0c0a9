package net.multihome.netconf.session;

import java.util.Optional;
import net.multihome.netconf.rpc.ErrorInfo;
import net.multihome.netconf.rpc.ErrorTag;
import net.multihome.netconf.rpc.ErrorType;
import net.multihome.netconf.rpc.Namespaces;
import net.multihome.netconf.rpc.RpcError;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.rpc.RpcRequest;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * RFC 6241 section 7.9 kill-session: ends another session. Its close hooks (lock release) run
 * before the ok reply is sent, as the RFC asks.
 */
final class KillSession implements SessionOperation {
    private final SessionRegistry registry;

    KillSession(SessionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public RpcReply execute(RpcRequest request, ProtocolSession session) {
        Optional<String> text = sessionIdText(request.operation());
        if (text.isEmpty()) {
            return RpcReply.error(RpcError.of(ErrorType.PROTOCOL, ErrorTag.MISSING_ELEMENT,
                    "kill-session needs a session-id").withInfo(ErrorInfo.badElement("session-id")));
        }
        long target;
        try {
            target = Long.parseLong(text.get());
        } catch (NumberFormatException e) {
            return invalid("session-id is not a number");
        }
        if (target == session.id()) {
            return invalid("a session cannot kill itself; use close-session");
        }
        Optional<ProtocolSession> victim = registry.findInternal(target);
        if (victim.isEmpty()) {
            return invalid("no session with id " + target);
        }
        victim.get().terminate(SessionEnd.killedBy(session.id()));
        return RpcReply.ok();
    }

    private static RpcReply invalid(String message) {
        return RpcReply.error(RpcError.of(ErrorType.PROTOCOL, ErrorTag.INVALID_VALUE, message)
                .withInfo(ErrorInfo.badElement("session-id")));
    }

    private static Optional<String> sessionIdText(Element operation) {
        for (Node c = operation.getFirstChild(); c != null; c = c.getNextSibling()) {
            if ("session-id".equals(c.getLocalName()) && Namespaces.BASE.equals(c.getNamespaceURI())) {
                return Optional.of(c.getTextContent().strip());
            }
        }
        return Optional.empty();
    }
}
