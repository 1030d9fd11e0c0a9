package net.multihome.netconf.datastore;

import net.multihome.core.config.InvalidConfigException;
import net.multihome.core.store.StoreException;
import net.multihome.netconf.xml.XmlDocuments;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An edit-config applied to the whole datastore: render all of it to XML, apply the edit there
 * ({@link ConfigEdit}) and parse all of it back. It costs the size of the configuration; it is
 * the reference {@link SplicedEdit} must agree with, and what it falls back to.
 */
final class WholeDocumentEdit {
    private final ConfigCodec codec;
    private final ConfigEdit edits;

    WholeDocumentEdit(ConfigCodec codec, SchemaTree schema) {
        this.codec = codec;
        this.edits = new ConfigEdit(schema);
    }

    /** The content after the edit, checked for structure and types (null when empty). */
    ContainerNode apply(ContainerNode current, Element config, EditOperation defaultOperation)
            throws DatastoreException, StoreException {
        Document scratch = XmlDocuments.newDocument();
        Element holder = scratch.createElementNS(null, "holder");
        scratch.appendChild(holder);
        Element element = codec.toElement(current, scratch);
        if (element != null) {
            holder.appendChild(element);
        }
        edits.apply(holder, config, defaultOperation);
        try {
            return codec.parse((Element) holder.getFirstChild());
        } catch (InvalidConfigException e) {
            throw StoreException.invalid(e);
        }
    }
}
