package net.multihome.netconf.ops;

import net.multihome.core.config.InvalidConfigException;
import net.multihome.core.store.StoreException;
import net.multihome.netconf.datastore.Datastores;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/** The content a source parameter stands for. */
final class Sources {
    private Sources() {
    }

    static ContainerNode content(DatastoreRef ref, Datastores datastores) throws StoreException {
        return switch (ref) {
            case DatastoreRef.Named(var datastore) -> datastores.store().content(datastore);
            case DatastoreRef.Inline(var config) -> {
                try {
                    // Passphrases running already holds keep their stored form.
                    datastores.sealSecrets(config, datastores.store().running());
                    yield datastores.codec().parseConfig(config);
                } catch (InvalidConfigException e) {
                    throw StoreException.invalid(e);
                }
            }
        };
    }
}
