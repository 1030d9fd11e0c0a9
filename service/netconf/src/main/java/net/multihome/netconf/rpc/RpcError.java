package net.multihome.netconf.rpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One RFC 6241 {@code <rpc-error>}. Build with {@link #of} and the {@code with...} methods.
 *
 * @param message human-readable text, sent with {@code xml:lang="en"}; may be empty
 */
public record RpcError(ErrorType type, ErrorTag tag, ErrorSeverity severity, Optional<String> appTag,
                       Optional<ErrorPath> path, String message, List<ErrorInfo> info) {
    public RpcError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(appTag, "appTag");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        info = List.copyOf(info);
    }

    public static RpcError of(ErrorType type, ErrorTag tag, String message) {
        return new RpcError(type, tag, ErrorSeverity.ERROR, Optional.empty(), Optional.empty(), message, List.of());
    }

    public RpcError withSeverity(ErrorSeverity newSeverity) {
        return new RpcError(type, tag, newSeverity, appTag, path, message, info);
    }

    public RpcError withAppTag(String newAppTag) {
        return new RpcError(type, tag, severity, Optional.of(newAppTag), path, message, info);
    }

    public RpcError withPath(ErrorPath newPath) {
        return new RpcError(type, tag, severity, appTag, Optional.of(newPath), message, info);
    }

    public RpcError withInfo(ErrorInfo... more) {
        List<ErrorInfo> all = new ArrayList<>(info);
        all.addAll(List.of(more));
        return new RpcError(type, tag, severity, appTag, path, message, all);
    }
}
