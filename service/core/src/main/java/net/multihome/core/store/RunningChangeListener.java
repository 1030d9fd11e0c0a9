package net.multihome.core.store;

import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * Told after each change of running (config-change notifications), on the store's thread.
 * Must not block and must not call the store's operations.
 */
@FunctionalInterface
public interface RunningChangeListener {
    /**
     * @param before the previous content, null when it was empty
     * @param after the new content, null when empty
     * @param by the session that made the change, empty when the server did (a rollback, a reload)
     */
    void runningChanged(ContainerNode before, ContainerNode after, Optional<ClientSession> by);
}
