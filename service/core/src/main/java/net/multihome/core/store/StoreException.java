package net.multihome.core.store;

import java.util.List;
import java.util.stream.Collectors;
import net.multihome.core.config.ConfigError;
import net.multihome.core.config.InvalidConfigException;

/** The store refused an operation; carries every reason. */
public final class StoreException extends Exception {

    private final transient List<StoreError> errors;

    public StoreException(List<StoreError> errors) {
        super(errors.stream().map(StoreException::describe).collect(Collectors.joining("; ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public StoreException(StoreError error) {
        this(List.of(error));
    }

    /** A configuration the model or the rules refuse, one error per reason. */
    public static StoreException invalid(InvalidConfigException e) {
        return new StoreException(e.errors().stream().map(StoreException::invalid).toList());
    }

    public List<StoreError> errors() {
        return errors;
    }

    private static StoreError invalid(ConfigError error) {
        if (error.message().startsWith("unknown element")) {
            return new StoreError.UnknownElement(error.path(), error.message());
        }
        if (error.message().contains("state data")) {
            return new StoreError.StateData(error.path(), error.message());
        }
        return new StoreError.InvalidValue(error.path(), error.message());
    }

    private static String describe(StoreError error) {
        return switch (error) {
            case StoreError.InvalidValue e -> e.path() + ": " + e.message();
            case StoreError.UnknownElement e -> e.path() + ": " + e.message();
            case StoreError.StateData e -> e.path() + ": " + e.message();
            default -> error.message();
        };
    }
}
