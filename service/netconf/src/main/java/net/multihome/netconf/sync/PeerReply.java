package net.multihome.netconf.sync;

import java.util.List;
import java.util.stream.Collectors;
import org.w3c.dom.Element;

/**
 * The peer's rpc-reply.
 *
 * @param reply the {@code <rpc-reply>} element
 * @param errors the rpc-errors' messages, in order; empty for ok or data
 * @param appTags the rpc-errors' error-app-tags
 */
record PeerReply(Element reply, List<String> errors, List<String> appTags) {
    PeerReply {
        errors = List.copyOf(errors);
        appTags = List.copyOf(appTags);
    }

    boolean ok() {
        return errors.isEmpty();
    }

    String errorText() {
        return errors.stream().collect(Collectors.joining("; "));
    }
}
