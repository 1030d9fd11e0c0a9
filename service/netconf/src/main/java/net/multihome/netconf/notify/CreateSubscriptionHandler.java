package net.multihome.netconf.notify;

import java.util.Optional;
import net.multihome.netconf.datastore.Errors;
import net.multihome.netconf.filter.SubtreeFilter;
import net.multihome.netconf.rpc.ErrorInfo;
import net.multihome.netconf.rpc.ErrorTag;
import net.multihome.netconf.rpc.Namespaces;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.rpc.RpcHandler;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.rpc.RpcRequest;
import net.multihome.netconf.xml.Dom;
import org.w3c.dom.Element;

/**
 * RFC 5277 create-subscription on the NETCONF stream, optionally with a subtree filter. Replay
 * (startTime) is not supported and not advertised.
 */
public final class CreateSubscriptionHandler implements RpcHandler {
    public static final String STREAM = "NETCONF";

    private final NotificationHub hub;

    public CreateSubscriptionHandler(NotificationHub hub) {
        this.hub = hub;
    }

    @Override
    public RpcReply handle(RpcRequest request, NetconfSession session) {
        Element op = request.operation();
        String stream = Dom.child(op, Namespaces.NOTIFICATION, "stream").map(Dom::text).orElse(STREAM);
        if (!STREAM.equals(stream)) {
            return RpcReply.error(Errors.protocol(ErrorTag.INVALID_VALUE, "no stream named '" + stream + "'")
                    .withInfo(ErrorInfo.badElement("stream")));
        }
        if (Dom.child(op, Namespaces.NOTIFICATION, "startTime").isPresent()
                || Dom.child(op, Namespaces.NOTIFICATION, "stopTime").isPresent()) {
            return RpcReply.error(Errors.protocol(ErrorTag.OPERATION_NOT_SUPPORTED,
                    "replay (startTime, stopTime) is not supported").withInfo(ErrorInfo.badElement("startTime")));
        }
        Optional<Element> filter = Dom.child(op, Namespaces.NOTIFICATION, "filter");
        if (filter.isPresent() && !filter.get().getAttribute("type").isEmpty()
                && !"subtree".equals(filter.get().getAttribute("type"))) {
            return RpcReply.error(Errors.protocol(ErrorTag.OPERATION_NOT_SUPPORTED,
                    "only subtree filters are supported").withInfo(ErrorInfo.badAttribute("type")));
        }
        if (!hub.subscribe(session, filter.map(SubtreeFilter::of))) {
            return RpcReply.error(Errors.protocol(ErrorTag.IN_USE,
                    "this session already has a subscription"));
        }
        return RpcReply.ok();
    }
}
