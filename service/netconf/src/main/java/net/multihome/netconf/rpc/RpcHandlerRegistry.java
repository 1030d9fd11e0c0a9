package net.multihome.netconf.rpc;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Handlers keyed by (namespace, operation name). Thread-safe: handlers may be registered while
 * the server runs. close-session and kill-session belong to the session layer and cannot be
 * registered here.
 */
public final class RpcHandlerRegistry {
    private static final Set<OperationKey> RESERVED =
            Set.of(OperationKey.base("close-session"), OperationKey.base("kill-session"));

    private final Map<OperationKey, RpcHandler> handlers = new ConcurrentHashMap<>();
    private volatile RpcGuard guard = RpcGuard.PERMIT_ALL;

    /** @throws IllegalArgumentException if the operation is reserved or already has a handler */
    public RpcHandlerRegistry register(OperationKey key, RpcHandler handler) {
        if (RESERVED.contains(key)) {
            throw new IllegalArgumentException(key + " is handled by the session layer");
        }
        if (handlers.putIfAbsent(key, handler) != null) {
            throw new IllegalArgumentException("a handler for " + key + " is already registered");
        }
        return this;
    }

    public RpcHandlerRegistry register(String namespace, String name, RpcHandler handler) {
        return register(new OperationKey(namespace, name), handler);
    }

    /** Sets the guard every operation but close-session passes first, session-layer ones included. */
    public RpcHandlerRegistry guard(RpcGuard value) {
        this.guard = Objects.requireNonNull(value, "guard");
        return this;
    }

    public RpcGuard guard() {
        return guard;
    }

    public Optional<RpcHandler> find(OperationKey key) {
        return Optional.ofNullable(handlers.get(key));
    }

    public Set<OperationKey> operations() {
        return Set.copyOf(handlers.keySet());
    }
}
