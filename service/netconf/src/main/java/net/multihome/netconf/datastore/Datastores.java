package net.multihome.netconf.datastore;

import net.multihome.core.store.ConfigStore;
import net.multihome.core.store.Datastore;
import net.multihome.core.store.StoreException;
import net.multihome.netconf.rpc.NetconfSession;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The datastores as NETCONF sees them: the {@link ConfigStore}'s content as XML, and
 * edit-config's operations on it. The state, locks and rules are the store's.
 */
public final class Datastores {
    private final ConfigStore store;
    private final ConfigCodec codec;
    /** Edits cost what they touch: only the edited nodes and entries are rendered and parsed. */
    private final SplicedEdit edits;

    public Datastores(ConfigStore store, ConfigCodec codec, SchemaTree schema) {
        this.store = store;
        this.codec = codec;
        this.edits = new SplicedEdit(codec, schema);
    }

    public ConfigStore store() {
        return store;
    }

    public ConfigCodec codec() {
        return codec;
    }

    /** The content as a {@code <multihome>} element owned by {@code owner}, or null when empty. */
    public Element element(Datastore datastore, Document owner) throws StoreException {
        return codec.toElement(store.content(datastore), owner);
    }

    /** The content as a read-only element shared by every reader, or null when empty: see {@link ConfigCodec#shared}. */
    public Element shared(Datastore datastore) throws StoreException {
        return codec.shared(store.content(datastore));
    }

    /** edit-config: the edit runs on the store's current content, all-or-nothing. */
    public void edit(Datastore target, Element config, EditOperation defaultOperation, TestOption test,
                     NetconfSession session) throws DatastoreException, StoreException {
        store.edit(target, content -> edits.apply(content, config, defaultOperation),
                test == TestOption.TEST_ONLY, new NetconfClient(session));
    }
}
