package net.multihome.core.store;

import net.multihome.core.config.ConfigReader;
import net.multihome.core.config.InvalidConfigException;
import net.multihome.core.config.MultihomeConfig;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/** The semantic check of a datastore's content, each refusal at its instance path. */
public final class ConfigValidation {
    private ConfigValidation() {
    }

    public static MultihomeConfig validate(ContainerNode content) throws StoreException {
        try {
            return ConfigReader.read(content);
        } catch (InvalidConfigException e) {
            throw StoreException.invalid(e);
        }
    }
}
