package net.multihome.netconf.session;

import java.util.Optional;
import net.multihome.netconf.rpc.ErrorInfo;
import net.multihome.netconf.rpc.ErrorTag;
import net.multihome.netconf.rpc.ErrorType;
import net.multihome.netconf.rpc.Namespaces;
import net.multihome.netconf.rpc.OperationKey;
import net.multihome.netconf.rpc.RpcError;
import net.multihome.netconf.rpc.RpcHandler;
import net.multihome.netconf.rpc.RpcHandlerRegistry;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.rpc.RpcRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks that a parsed message is a proper {@code <rpc>}, finds the operation's handler
 * (session-layer operations first, then the registry) and turns whatever happens into a reply.
 * Nothing a client sends makes it throw.
 */
final class RpcDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(RpcDispatcher.class);

    /**
     * @param request the {@code <rpc>} whose attributes the reply copies, null when there is none
     * @param badRpc  the message was not a correct rpc (RFC 6022 in-bad-rpcs)
     */
    record Outcome(Element request, RpcReply reply, boolean badRpc) {
        byte[] replyBytes() {
            return Replies.toBytes(request, reply);
        }

        boolean hasErrors() {
            return reply instanceof RpcReply.Error;
        }
    }

    private static final OperationKey CLOSE_SESSION = OperationKey.base("close-session");
    private static final OperationKey KILL_SESSION = OperationKey.base("kill-session");

    /*
     * The session's own operations are told apart by their keys, not looked up in a map: a
     * lookup that found nothing for every request but a session's last made C2 assume it never
     * finds anything, and each close-session threw the compiled dispatcher away (120-150 ms of
     * compilation to get it back).
     */
    private final SessionOperation closeSession = new CloseSession();
    private final SessionOperation killSession;
    private final RpcHandlerRegistry handlers;

    RpcDispatcher(SessionRegistry registry, RpcHandlerRegistry handlers) {
        this.killSession = new KillSession(registry);
        this.handlers = handlers;
    }

    Outcome dispatch(Document message, ProtocolSession session) {
        Element rpc = message.getDocumentElement();
        if (!"rpc".equals(rpc.getLocalName())) {
            return bad(rpc, RpcError.of(ErrorType.PROTOCOL, ErrorTag.UNKNOWN_ELEMENT,
                    "expected an rpc element").withInfo(ErrorInfo.badElement(rpc.getLocalName())));
        }
        if (!Namespaces.BASE.equals(rpc.getNamespaceURI())) {
            return bad(rpc, unknownNamespace(rpc));
        }
        String messageId = rpc.getAttributeNS(null, "message-id");
        if (!rpc.hasAttributeNS(null, "message-id")) {
            return bad(rpc, RpcError.of(ErrorType.RPC, ErrorTag.MISSING_ATTRIBUTE, "rpc has no message-id")
                    .withInfo(ErrorInfo.badAttribute("message-id"), ErrorInfo.badElement("rpc")));
        }
        Optional<Element> operation = firstChildElement(rpc);
        if (operation.isEmpty()) {
            return bad(rpc, RpcError.of(ErrorType.PROTOCOL, ErrorTag.MISSING_ELEMENT, "rpc has no operation")
                    .withInfo(ErrorInfo.badElement("rpc")));
        }
        Element op = operation.get();
        if (UnqualifiedOperation.isUnqualified(op)) {
            if (!isBaseOperation(op.getLocalName())) {
                return bad(rpc, unknownNamespace(op));
            }
            op = UnqualifiedOperation.asBase(op);
        }
        RpcRequest request = new RpcRequest(op, messageId);
        return new Outcome(rpc, execute(request, session), false);
    }

    private boolean isBaseOperation(String name) {
        OperationKey key = OperationKey.base(name);
        return key.equals(CLOSE_SESSION) || key.equals(KILL_SESSION) || handlers.find(key).isPresent();
    }

    private RpcReply execute(RpcRequest request, ProtocolSession session) {
        OperationKey key = request.key();
        if (key.equals(CLOSE_SESSION)) {
            return closeSession.execute(request, session);
        }
        Optional<RpcError> refused = handlers.guard().admit(request, session);
        if (refused.isPresent()) {
            return RpcReply.error(refused.get());
        }
        if (key.equals(KILL_SESSION)) {
            return killSession.execute(request, session);
        }
        Optional<RpcHandler> handler = handlers.find(key);
        if (handler.isEmpty()) {
            return RpcReply.error(RpcError.of(ErrorType.PROTOCOL, ErrorTag.OPERATION_NOT_SUPPORTED,
                    "operation " + key.name() + " in " + key.namespace() + " is not supported")
                    .withInfo(ErrorInfo.badElement(key.name())));
        }
        try {
            RpcReply reply = handler.get().handle(request, session);
            if (reply == null) {
                throw new IllegalStateException("handler returned null");
            }
            return reply;
        } catch (RuntimeException e) {
            LOG.warn("session {}: handler for {} failed", session.id(), key, e);
            return RpcReply.error(RpcError.of(ErrorType.APPLICATION, ErrorTag.OPERATION_FAILED,
                    "internal error while executing " + key.name()));
        }
    }

    /**
     * A reply to a message that could not be parsed: no request attributes to copy.
     * RFC 6241 Appendix A: malformed-message is new in base:1.1 and must not go to base:1.0
     * clients, which get operation-failed instead.
     */
    static Outcome malformed(String detail, boolean base11) {
        ErrorTag tag = base11 ? ErrorTag.MALFORMED_MESSAGE : ErrorTag.OPERATION_FAILED;
        return new Outcome(null, RpcReply.error(RpcError.of(ErrorType.RPC, tag,
                "message is not acceptable XML: " + detail)), true);
    }

    private static Outcome bad(Element rpc, RpcError error) {
        return new Outcome(rpc, RpcReply.error(error), true);
    }

    private static RpcError unknownNamespace(Element element) {
        String ns = element.getNamespaceURI() == null ? "" : element.getNamespaceURI();
        return RpcError.of(ErrorType.PROTOCOL, ErrorTag.UNKNOWN_NAMESPACE,
                        element.getLocalName() + " must be in namespace " + Namespaces.BASE
                                + " or the namespace of a supported module")
                .withInfo(ErrorInfo.badElement(element.getLocalName()), ErrorInfo.badNamespace(ns));
    }

    private static Optional<Element> firstChildElement(Element parent) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
