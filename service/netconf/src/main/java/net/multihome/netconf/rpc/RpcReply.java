package net.multihome.netconf.rpc;

import java.util.List;
import net.multihome.netconf.xml.KeptContent;
import org.w3c.dom.Node;

/**
 * What a handler answers. The session wraps it in an {@code <rpc-reply>} carrying the request's
 * attributes. DOM nodes may belong to any document; they are only read, never moved or changed.
 */
public sealed interface RpcReply {
    /** {@code <ok/>}. */
    record Ok() implements RpcReply {
    }

    /** {@code <data>} holding these nodes (get, get-config, get-schema). */
    record Data(List<Node> nodes) implements RpcReply {
        public Data {
            nodes = List.copyOf(nodes);
        }
    }

    /**
     * {@code <data>} holding nodes kept between requests (a polled datastore's), written once;
     * their default namespace is {@link Namespaces#BASE}'s, the envelope's.
     */
    record KeptData(KeptContent data) implements RpcReply {
    }

    /** These nodes directly inside {@code <rpc-reply>}, for operations whose output is not {@code <data>}. */
    record Content(List<Node> nodes) implements RpcReply {
        public Content {
            nodes = List.copyOf(nodes);
        }
    }

    /** One or more {@code <rpc-error>}s. */
    record Error(List<RpcError> errors) implements RpcReply {
        public Error {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an error reply needs at least one rpc-error");
            }
        }
    }

    static RpcReply ok() {
        return new Ok();
    }

    static RpcReply data(Node... nodes) {
        return new Data(List.of(nodes));
    }

    static RpcReply content(Node... nodes) {
        return new Content(List.of(nodes));
    }

    static RpcReply error(RpcError... errors) {
        return new Error(List.of(errors));
    }
}
