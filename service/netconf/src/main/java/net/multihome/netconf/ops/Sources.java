package net.multihome.netconf.ops;

import net.multihome.core.config.InvalidConfigException;
import net.multihome.netconf.datastore.ConfigValidation;
import net.multihome.netconf.datastore.DatastoreException;
import net.multihome.netconf.datastore.Datastores;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/** The content a source parameter stands for. */
final class Sources {
    private Sources() {
    }

    static ContainerNode content(DatastoreRef ref, Datastores datastores) throws DatastoreException {
        return switch (ref) {
            case DatastoreRef.Named(var datastore) -> datastores.content(datastore);
            case DatastoreRef.Inline(var config) -> {
                try {
                    yield datastores.codec().parseConfig(config);
                } catch (InvalidConfigException e) {
                    throw ConfigValidation.refused(e);
                }
            }
        };
    }
}
