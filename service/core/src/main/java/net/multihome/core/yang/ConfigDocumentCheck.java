package net.multihome.core.yang;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Walks a {@code <multihome>} element beside the schema before yangtools parses it, to name
 * problems by instance path: elements the model does not have, state data ({@code config
 * false}) in a configuration, and, after a yangtools refusal, the element whose value it
 * refused.
 */
public final class ConfigDocumentCheck {

    private final YangSchema schema;

    public ConfigDocumentCheck(YangSchema schema) {
        this.schema = schema;
    }

    /** A problem at an instance path. */
    public record Finding(String path, String message) {
    }

    /** Unknown elements and state data in the document, in document order. */
    public List<Finding> structure(Element multihome) {
        List<Finding> findings = new ArrayList<>();
        DataSchemaNode root = schema.context().dataChildByName(YangSchema.qname(YangSchema.MODULE));
        walk(multihome, root, "/mh:" + YangSchema.MODULE, findings);
        return findings;
    }

    /**
     * The path of the first leaf whose text is {@code value}: yangtools reports a refused value
     * without saying where it was.
     */
    public Optional<String> pathOfValue(Element multihome, String value) {
        DataSchemaNode root = schema.context().dataChildByName(YangSchema.qname(YangSchema.MODULE));
        return findValue(multihome, root, "/mh:" + YangSchema.MODULE, value);
    }

    private void walk(Element element, DataSchemaNode node, String path, List<Finding> findings) {
        for (Element child : children(element)) {
            Optional<DataSchemaNode> childNode = resolve(node, child);
            String childPath = path + "/mh:" + child.getLocalName();
            if (childNode.isEmpty()) {
                findings.add(new Finding(childPath, "unknown element <" + child.getLocalName() + ">"
                        + (YangSchema.NAMESPACE.equals(child.getNamespaceURI()) ? ""
                        : " in namespace " + child.getNamespaceURI())));
                continue;
            }
            if (!childNode.get().isConfiguration()) {
                findings.add(new Finding(childPath, "<" + child.getLocalName()
                        + "> is state data (config false) and cannot be configured"));
                continue;
            }
            walk(child, childNode.get(), childPath + keyPredicate(child, childNode.get()), findings);
        }
    }

    private Optional<String> findValue(Element element, DataSchemaNode node, String path, String value) {
        for (Element child : children(element)) {
            Optional<DataSchemaNode> childNode = resolve(node, child);
            if (childNode.isEmpty()) {
                continue;
            }
            String childPath = path + "/mh:" + child.getLocalName() + keyPredicate(child, childNode.get());
            if (childNode.get() instanceof DataNodeContainer) {
                Optional<String> found = findValue(child, childNode.get(), childPath, value);
                if (found.isPresent()) {
                    return found;
                }
            } else if (value.equals(child.getTextContent().strip())) {
                return Optional.of(childPath);
            }
        }
        return Optional.empty();
    }

    private static Optional<DataSchemaNode> resolve(DataSchemaNode parent, Element child) {
        if (!(parent instanceof DataNodeContainer container) || child.getLocalName() == null
                || !YangSchema.NAMESPACE.equals(child.getNamespaceURI())) {
            return Optional.empty();
        }
        QName name = YangSchema.qname(child.getLocalName());
        return container.findDataTreeChild(name);
    }

    private static String keyPredicate(Element entry, DataSchemaNode node) {
        if (!(node instanceof ListSchemaNode list)) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (QName key : list.getKeyDefinition()) {
            for (Element child : children(entry)) {
                if (key.getLocalName().equals(child.getLocalName())) {
                    out.append("[mh:").append(key.getLocalName()).append("='")
                            .append(child.getTextContent().strip()).append("']");
                }
            }
        }
        return out.toString();
    }

    private static List<Element> children(Element element) {
        List<Element> out = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }
}
