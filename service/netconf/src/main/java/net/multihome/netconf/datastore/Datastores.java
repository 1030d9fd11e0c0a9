package net.multihome.netconf.datastore;

import java.util.Optional;
import net.multihome.core.secret.ConfigSecrets;
import net.multihome.core.secret.SecretBox;
import net.multihome.core.store.ConfigStore;
import net.multihome.core.store.Datastore;
import net.multihome.core.store.StoreException;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.xml.Dom;
import net.multihome.netconf.xml.XmlDocuments;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
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
    private final SchemaTree schema;

    private final SecretBox secrets;

    public Datastores(ConfigStore store, ConfigCodec codec, SchemaTree schema, SecretBox secrets) {
        this.store = store;
        this.codec = codec;
        this.edits = new SplicedEdit(codec, schema);
        this.schema = schema;
        this.secrets = secrets;
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

    /**
     * What of the target an edit of {@code config} can reach, to read only, or null when empty:
     * the nodes and entries it names ({@link EditScope}), rendered for this call, or the whole
     * shared rendering when the edit reaches the {@code multihome} container itself.
     */
    public Element editable(Datastore target, Element config, EditOperation defaultOperation) throws StoreException {
        ContainerNode content = store.content(target);
        Optional<EditScope> scope = content == null ? Optional.empty()
                : EditScope.of(config, defaultOperation, schema);
        return scope.isEmpty() ? codec.shared(content)
                : codec.renderPart(scope.get().part(content), XmlDocuments.newDocument());
    }

    /** edit-config: the edit runs on the store's current content, all-or-nothing. */
    public void edit(Datastore target, Element config, EditOperation defaultOperation, TestOption test,
                     NetconfSession session) throws DatastoreException, StoreException {
        store.edit(target, content -> {
                    sealSecrets(config, content);
                    return edits.apply(content, config, defaultOperation);
                },
                test == TestOption.TEST_ONLY, new NetconfClient(session));
    }

    /**
     * Seals, in place, the clear secrets of a {@code <config>} about to be stored: no datastore
     * ever holds them in clear. A passphrase {@code current} already holds keeps its stored form.
     *
     * @param current the content the config replaces or is merged into; null for none
     */
    public void sealSecrets(Element config, ContainerNode current) {
        for (Element multihome : Dom.children(config)) {
            if (Dom.is(multihome, YangSchema.NAMESPACE, YangSchema.MODULE)) {
                ConfigSecrets.seal(multihome, current, secrets);
            }
        }
    }
}
