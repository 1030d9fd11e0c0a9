package net.multihome.netconf.notify;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
 * RFC 5277 create-subscription on the NETCONF stream, optionally with a subtree filter, and
 * replay from the hub's log (startTime, stopTime) followed by replayComplete.
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
        Optional<String> startText = Dom.child(op, Namespaces.NOTIFICATION, "startTime").map(Dom::text);
        Optional<String> stopText = Dom.child(op, Namespaces.NOTIFICATION, "stopTime").map(Dom::text);
        Optional<Instant> start = startText.flatMap(CreateSubscriptionHandler::time);
        Optional<Instant> stop = stopText.flatMap(CreateSubscriptionHandler::time);
        if (startText.isPresent() && start.isEmpty()) {
            return badTime("startTime", "startTime '" + startText.get() + "' is not a date-and-time (RFC 3339)");
        }
        if (stopText.isPresent() && stop.isEmpty()) {
            return badTime("stopTime", "stopTime '" + stopText.get() + "' is not a date-and-time (RFC 3339)");
        }
        if (stop.isPresent() && start.isEmpty()) {
            return RpcReply.error(Errors.protocol(ErrorTag.MISSING_ELEMENT, "stopTime needs a startTime")
                    .withInfo(ErrorInfo.badElement("startTime")));
        }
        if (start.isPresent() && start.get().isAfter(Instant.now())) {
            return badTime("startTime", "startTime " + startText.get() + " is in the future");
        }
        if (stop.isPresent() && stop.get().isBefore(start.get())) {
            return badTime("stopTime", "stopTime " + stopText.get() + " is before startTime " + startText.get());
        }
        Optional<Element> filter = Dom.child(op, Namespaces.NOTIFICATION, "filter");
        if (filter.isPresent() && !filter.get().getAttribute("type").isEmpty()
                && !"subtree".equals(filter.get().getAttribute("type"))) {
            return RpcReply.error(Errors.protocol(ErrorTag.OPERATION_NOT_SUPPORTED,
                    "only subtree filters are supported").withInfo(ErrorInfo.badAttribute("type")));
        }
        Optional<NotificationHub.Window> replay = start.map(from -> new NotificationHub.Window(from, stop));
        if (!hub.subscribe(session, filter.map(SubtreeFilter::of), replay)) {
            return RpcReply.error(Errors.protocol(ErrorTag.IN_USE,
                    "this session already has a subscription"));
        }
        return RpcReply.ok();
    }

    private static Optional<Instant> time(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static RpcReply badTime(String element, String message) {
        return RpcReply.error(Errors.protocol(ErrorTag.BAD_ELEMENT, message).withInfo(ErrorInfo.badElement(element)));
    }
}
