package net.multihome.netconf.sync;

import java.util.List;
import java.util.stream.Collectors;
import org.w3c.dom.Element;

/**
 * The peer's rpc-reply.
 *
 * @param reply the {@code <rpc-reply>} element
 * @param errors the rpc-errors' messages, in order; empty for ok or data
 * @param errorTags the rpc-errors' error-tags
 * @param appTags the rpc-errors' error-app-tags
 */
record PeerReply(Element reply, List<String> errors, List<String> errorTags, List<String> appTags) {
    PeerReply {
        errors = List.copyOf(errors);
        errorTags = List.copyOf(errorTags);
        appTags = List.copyOf(appTags);
    }

    boolean ok() {
        return errors.isEmpty();
    }

    String errorText() {
        return errors.stream().collect(Collectors.joining("; "));
    }
}
