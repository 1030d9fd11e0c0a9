package net.multihome.netconf.datastore;

import java.util.List;
import java.util.stream.Collectors;
import net.multihome.netconf.rpc.RpcError;

/**
 * A NETCONF operation was refused by this layer (its parameters, an edit-config on XML); carries
 * the rpc-errors to send. The store's own refusals are mapped by {@link StoreErrors}.
 */
public final class DatastoreException extends Exception {
    private final transient List<RpcError> errors;

    public DatastoreException(List<RpcError> errors) {
        super(errors.stream().map(RpcError::message).collect(Collectors.joining("; ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs at least one rpc-error");
        }
        this.errors = List.copyOf(errors);
    }

    public DatastoreException(RpcError error) {
        this(List.of(error));
    }

    public List<RpcError> errors() {
        return errors;
    }
}
