package net.multihome.netconf.ops;

import java.util.List;
import net.multihome.core.store.Datastore;
import net.multihome.core.store.StoreException;
import net.multihome.netconf.datastore.DatastoreException;
import net.multihome.netconf.datastore.EditOperation;
import net.multihome.netconf.rpc.NetconfSession;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.w3c.dom.Element;

/** Access control on data: what a session may read, and whether it may make a change. */
public interface DataAccess {
    /** The data (top-level elements, owned by the caller) without what the session may not read. */
    List<Element> readable(List<Element> data, NetconfSession session);

    /** What the session may read under the rules now in force, fixed: later rule changes do not alter it. */
    ReadView readView(NetconfSession session);

    /**
     * Whether the session may read every node (no access control applies to it, or its first
     * rule permits every read), so it may be shown data unfiltered.
     */
    boolean readsEverything(NetconfSession session);

    /**
     * @param config edit-config's {@code <config>}
     * @throws DatastoreException access-denied when the edit writes a node the session may not
     */
    void checkEdit(Datastore target, Element config, EditOperation defaultOperation, NetconfSession session)
            throws DatastoreException, StoreException;

    /** @throws DatastoreException access-denied when replacing the target by {@code source} writes such a node */
    void checkCopy(Datastore target, ContainerNode source, NetconfSession session)
            throws DatastoreException, StoreException;
}
