package net.multihome.netconf.datastore;

import java.util.List;
import net.multihome.core.config.ConfigError;
import net.multihome.core.config.ConfigReader;
import net.multihome.core.config.EntryCache;
import net.multihome.core.config.InvalidConfigException;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.netconf.rpc.ErrorTag;
import net.multihome.netconf.rpc.RpcError;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/** The semantic check of a datastore's content, with each refusal as an rpc-error at its path. */
public final class ConfigValidation {
    private ConfigValidation() {
    }

    public static MultihomeConfig validate(ContainerNode content) throws DatastoreException {
        return validate(content, new EntryCache());
    }

    /** Validates, reading the entries {@code cache} saw before from there. */
    public static MultihomeConfig validate(ContainerNode content, EntryCache cache) throws DatastoreException {
        try {
            return ConfigReader.read(content, cache);
        } catch (InvalidConfigException e) {
            throw refused(e);
        }
    }

    /** One rpc-error per configuration error: bad elements as such, anything else invalid-value. */
    public static DatastoreException refused(InvalidConfigException e) {
        List<RpcError> errors = e.errors().stream().map(ConfigValidation::toRpcError).toList();
        return new DatastoreException(errors);
    }

    private static RpcError toRpcError(ConfigError error) {
        ErrorTag tag = error.message().startsWith("unknown element") ? ErrorTag.UNKNOWN_ELEMENT
                : error.message().contains("state data") ? ErrorTag.BAD_ELEMENT : ErrorTag.INVALID_VALUE;
        RpcError rpcError = Errors.application(tag, error.message());
        boolean located = !"/".equals(error.path()) && !error.path().isEmpty();
        return located ? rpcError.withPath(Errors.path(error.path())) : rpcError;
    }
}
