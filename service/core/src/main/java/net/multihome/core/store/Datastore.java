package net.multihome.core.store;

import java.util.Locale;
import java.util.Optional;

/** The configuration datastores this server has. */
public enum Datastore {
    RUNNING, CANDIDATE, STARTUP;

    /** The element name used in source, target and monitoring. */
    public String yangName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Datastore> byName(String name) {
        for (Datastore d : values()) {
            if (d.yangName().equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
