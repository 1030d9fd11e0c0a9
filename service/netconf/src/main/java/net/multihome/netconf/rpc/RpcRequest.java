package net.multihome.netconf.rpc;

import java.util.Objects;
import org.w3c.dom.Element;

/**
 * One received RPC.
 *
 * @param operation the operation element, the first child element of {@code <rpc>}
 * @param messageId the request's message-id attribute, echoed by the reply
 */
public record RpcRequest(Element operation, String messageId) {
    public RpcRequest {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(messageId, "messageId");
    }

    public OperationKey key() {
        return OperationKey.of(operation);
    }
}
