package net.multihome.netconf.datastore;

import java.util.List;
import net.multihome.core.config.ConfigError;
import net.multihome.core.config.ConfigLoader;
import net.multihome.core.config.InvalidConfigException;
import net.multihome.core.yang.ConfigXml;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.xml.Dom;
import net.multihome.netconf.xml.XmlDocuments;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Datastore content between its yangtools form and XML. An empty datastore is {@code null};
 * a {@code <multihome>} without children counts as empty too.
 */
public final class ConfigCodec {
    private final ConfigXml xml;
    private final ConfigLoader loader;
    /** Running changes rarely and is read often: the last content's element, kept to import from. */
    private Rendered last;

    private record Rendered(ContainerNode content, Element element) {
    }

    public ConfigCodec(YangSchema schema) {
        this.xml = new ConfigXml(schema);
        this.loader = new ConfigLoader(schema);
    }

    public ConfigLoader loader() {
        return loader;
    }

    /** The content as a {@code <config>} document (the startup file's form). */
    public String toDocument(ContainerNode content) {
        return xml.toConfigDocument(content);
    }

    /** The content as a {@code <multihome>} element owned by {@code owner}, or null when empty. */
    public Element toElement(ContainerNode content, Document owner) {
        if (content == null) {
            return null;
        }
        return imported(content, owner);
    }

    /**
     * The content as a {@code <multihome>} element shared by every caller, or null when empty.
     * Read it only with {@code getFirstChild}, {@code getNextSibling}, {@code getAttributes}
     * and the node's own properties (as {@link net.multihome.netconf.xml.XmlWriter} does), and
     * never change it: from any thread then, as nothing in it is created lazily any more.
     */
    public synchronized Element shared(ContainerNode content) {
        return content == null ? null : rendered(content);
    }

    /**
     * A part of a datastore (a {@code multihome} container holding some of its nodes) as a
     * {@code <multihome>} element owned by {@code owner}; not kept, unlike {@link #toElement}.
     */
    public Element renderPart(ContainerNode part, Document owner) {
        Document rendered = XmlDocuments.newDocument();
        xml.writeInto(part, rendered);
        return (Element) owner.importNode(rendered.getDocumentElement(), true);
    }

    /** Synchronized as a whole: a DOM is not safe to read from two threads at once. */
    private synchronized Element imported(ContainerNode content, Document owner) {
        return (Element) owner.importNode(rendered(content), true);
    }

    private Element rendered(ContainerNode content) {
        if (last == null || last.content() != content) {
            Document rendered = XmlDocuments.newDocument();
            xml.writeInto(content, rendered);
            Element element = rendered.getDocumentElement();
            Dom.materializeAttributes(element);
            last = new Rendered(content, element);
        }
        return last.element();
    }

    /**
     * Parses a {@code <multihome>} element, checking structure and YANG types (not the semantic
     * rules). Null or a childless element gives the empty datastore.
     */
    public ContainerNode parse(Element multihome) throws InvalidConfigException {
        if (multihome == null || !Dom.hasElementChildren(multihome)) {
            return null;
        }
        return loader.parseData(multihome);
    }

    /** Parses the content of a {@code <config>} element (inline config of copy-config or validate). */
    public ContainerNode parseConfig(Element config) throws InvalidConfigException {
        Element multihome = null;
        for (Node n = config.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (!Dom.is(e, YangSchema.NAMESPACE, YangSchema.MODULE) || multihome != null) {
                    throw new InvalidConfigException(List.of(new ConfigError("/", "unexpected element <"
                            + e.getLocalName() + "> in namespace " + e.getNamespaceURI() + " inside <config>")));
                }
                multihome = e;
            }
        }
        return parse(multihome);
    }
}
