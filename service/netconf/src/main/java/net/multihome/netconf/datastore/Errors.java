package net.multihome.netconf.datastore;

import java.util.Map;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.rpc.ErrorInfo;
import net.multihome.netconf.rpc.ErrorPath;
import net.multihome.netconf.rpc.ErrorTag;
import net.multihome.netconf.rpc.ErrorType;
import net.multihome.netconf.rpc.RpcError;

/** Builders for the rpc-errors the operations layer sends most. */
public final class Errors {
    private Errors() {
    }

    /** An error-path in the multihome module, with the mh prefix declared. */
    public static ErrorPath path(String xpath) {
        return ErrorPath.of(xpath, Map.of(YangSchema.PREFIX, YangSchema.NAMESPACE));
    }

    public static RpcError application(ErrorTag tag, String message) {
        return RpcError.of(ErrorType.APPLICATION, tag, message);
    }

    public static RpcError protocol(ErrorTag tag, String message) {
        return RpcError.of(ErrorType.PROTOCOL, tag, message);
    }

    public static RpcError at(ErrorTag tag, String xpath, String message) {
        return application(tag, message).withPath(path(xpath));
    }

    public static RpcError missingElement(String element) {
        return protocol(ErrorTag.MISSING_ELEMENT, "missing <" + element + ">")
                .withInfo(ErrorInfo.badElement(element));
    }

    public static RpcError badElement(String element, String message) {
        return protocol(ErrorTag.BAD_ELEMENT, message).withInfo(ErrorInfo.badElement(element));
    }
}
