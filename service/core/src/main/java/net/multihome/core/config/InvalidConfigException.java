package net.multihome.core.config;

import java.util.List;
import java.util.stream.Collectors;

/** A configuration that was refused, with every reason found. */
public final class InvalidConfigException extends Exception {

    private final transient List<ConfigError> errors;

    public InvalidConfigException(List<ConfigError> errors) {
        super(errors.stream().map(ConfigError::toString).collect(Collectors.joining("; ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid configuration needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }
}
