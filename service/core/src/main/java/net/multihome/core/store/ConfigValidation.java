package net.multihome.core.store;

import net.multihome.core.config.ConfigReader;
import net.multihome.core.config.EntryCache;
import net.multihome.core.config.InvalidConfigException;
import net.multihome.core.config.MultihomeConfig;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/** The semantic check of a datastore's content, each refusal at its instance path. */
public final class ConfigValidation {
    private ConfigValidation() {
    }

    /** Validates from scratch. */
    public static MultihomeConfig validate(ContainerNode content) throws StoreException {
        return validate(content, new EntryCache());
    }

    /** Validates, reading the entries {@code cache} saw before from there. */
    public static MultihomeConfig validate(ContainerNode content, EntryCache cache) throws StoreException {
        try {
            return ConfigReader.read(content, cache);
        } catch (InvalidConfigException e) {
            throw StoreException.invalid(e);
        }
    }
}
