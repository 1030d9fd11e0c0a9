package net.multihome.netconf.datastore;

import java.util.Locale;
import java.util.Optional;

/** RFC 6241 section 7.2 edit operations; NONE only as a default-operation or inherited one. */
public enum EditOperation {
    MERGE, REPLACE, CREATE, DELETE, REMOVE, NONE;

    public static Optional<EditOperation> byName(String name) {
        for (EditOperation op : values()) {
            if (op.name().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
