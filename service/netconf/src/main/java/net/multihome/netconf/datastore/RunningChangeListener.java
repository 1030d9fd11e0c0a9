package net.multihome.netconf.datastore;

import java.util.Optional;
import net.multihome.netconf.rpc.NetconfSession;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/** Told after each change of running (config-change notifications). Must not block. */
@FunctionalInterface
public interface RunningChangeListener {
    /**
     * @param before the previous content, null when it was empty
     * @param after the new content, null when empty
     * @param by the session that made the change, empty when the server did (a rollback)
     */
    void runningChanged(ContainerNode before, ContainerNode after, Optional<NetconfSession> by);
}
