package net.multihome.netconf.datastore;

import java.util.List;
import java.util.Optional;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.rpc.ErrorInfo;
import net.multihome.netconf.rpc.ErrorTag;
import net.multihome.netconf.rpc.Namespaces;
import net.multihome.netconf.xml.Dom;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Applies the {@code <config>} of an edit-config to a copy of a datastore's XML, following
 * RFC 6241 section 7.2: merge, replace, create, delete and remove per element, inherited by
 * descendants, with the default operation at the top. The caller re-parses the result, which
 * checks every value against its YANG type, so this class only deals with structure.
 */
final class ConfigEdit {
    private final SchemaTree schema;

    ConfigEdit(SchemaTree schema) {
        this.schema = schema;
    }

    /**
     * @param holder an element whose only child, if any, is the datastore's {@code <multihome>}
     * @param config the edit's {@code <config>} element
     */
    void apply(Element holder, Element config, EditOperation defaultOperation) throws DatastoreException {
        for (Element edit : Dom.children(config)) {
            if (!YangSchema.NAMESPACE.equals(edit.getNamespaceURI())) {
                throw new DatastoreException(Errors.protocol(ErrorTag.UNKNOWN_NAMESPACE,
                        "unknown namespace " + edit.getNamespaceURI() + " of <" + edit.getLocalName() + ">")
                        .withInfo(ErrorInfo.badElement(edit.getLocalName()),
                                ErrorInfo.badNamespace(String.valueOf(edit.getNamespaceURI()))));
            }
            if (!YangSchema.MODULE.equals(edit.getLocalName())) {
                throw unknownElement(edit, "");
            }
            edit(holder, edit, schema.root(), defaultOperation, "");
        }
    }

    private void edit(Element target, Element edit, DataSchemaNode node, EditOperation inherited, String parentPath)
            throws DatastoreException {
        String path = parentPath + SchemaTree.step(edit, node);
        EditOperation op = operation(edit, inherited, path);
        if (!node.isConfiguration()) {
            throw new DatastoreException(Errors.at(ErrorTag.INVALID_VALUE, path,
                    "<" + edit.getLocalName() + "> is state data (config false) and cannot be configured"));
        }
        for (String key : SchemaTree.keys(node)) {
            if (Dom.child(edit, YangSchema.NAMESPACE, key).isEmpty()) {
                throw new DatastoreException(Errors.at(ErrorTag.MISSING_ELEMENT, path,
                        "list entry <" + edit.getLocalName() + "> needs its key <" + key + ">")
                        .withInfo(ErrorInfo.badElement(key)));
            }
        }
        Element existing = find(target, edit, node);
        switch (op) {
            case DELETE -> {
                if (existing == null) {
                    throw new DatastoreException(Errors.at(ErrorTag.DATA_MISSING, path,
                            "cannot delete " + path + ": it does not exist"));
                }
                target.removeChild(existing);
                return;
            }
            case REMOVE -> {
                if (existing != null) {
                    target.removeChild(existing);
                }
                return;
            }
            case REPLACE -> {
                Element copy = strippedCopy(target, edit);
                if (existing == null) {
                    target.appendChild(copy);
                } else {
                    target.replaceChild(copy, existing);
                }
                return;
            }
            case CREATE -> {
                if (existing != null) {
                    throw new DatastoreException(Errors.at(ErrorTag.DATA_EXISTS, path,
                            "cannot create " + path + ": it already exists"));
                }
                target.appendChild(strippedCopy(target, edit));
                return;
            }
            default -> {
                // merge and none go on below
            }
        }
        if (SchemaTree.isLeafy(node)) {
            if (op == EditOperation.MERGE) {
                if (existing == null) {
                    target.appendChild(strippedCopy(target, edit));
                } else if (!(node instanceof LeafListSchemaNode)) {
                    existing.setTextContent(Dom.text(edit));
                }
            }
            return;
        }
        boolean created = existing == null;
        if (created) {
            existing = emptyEntry(target, edit, node);
            target.appendChild(existing);
        }
        List<String> keys = SchemaTree.keys(node);
        for (Element child : Dom.children(edit)) {
            if (keys.contains(child.getLocalName()) && YangSchema.NAMESPACE.equals(child.getNamespaceURI())) {
                continue;
            }
            Optional<DataSchemaNode> childNode = schema.child(node, child);
            if (childNode.isEmpty()) {
                throw unknownElement(child, path);
            }
            edit(existing, child, childNode.get(), op, path);
            dropOtherCases(existing, node, child);
        }
        if (created && Dom.children(existing).size() <= keys.size() && op == EditOperation.NONE) {
            target.removeChild(existing);
        }
    }

    /** Once a node of one case exists, the nodes of the choice's other cases go. */
    private static void dropOtherCases(Element entry, DataSchemaNode node, Element child) {
        if (find(entry, child, null) == null) {
            return;
        }
        List<String> others = SchemaTree.otherCases(node, child.getLocalName());
        for (Element sibling : Dom.children(entry)) {
            if (others.contains(sibling.getLocalName()) && YangSchema.NAMESPACE.equals(sibling.getNamespaceURI())) {
                entry.removeChild(sibling);
            }
        }
    }

    private static EditOperation operation(Element edit, EditOperation inherited, String path)
            throws DatastoreException {
        Attr attr = edit.getAttributeNodeNS(Namespaces.BASE, "operation");
        if (attr == null) {
            return inherited;
        }
        Optional<EditOperation> op = EditOperation.byName(attr.getValue());
        if (op.isEmpty() || op.get() == EditOperation.NONE) {
            throw new DatastoreException(Errors.at(ErrorTag.BAD_ATTRIBUTE, path,
                    "unknown edit operation '" + attr.getValue() + "'")
                    .withInfo(ErrorInfo.badAttribute("operation"), ErrorInfo.badElement(edit.getLocalName())));
        }
        return op.get();
    }

    private static Element find(Element target, Element edit, DataSchemaNode node) {
        for (Element candidate : Dom.children(target)) {
            if (Dom.is(candidate, edit.getNamespaceURI(), edit.getLocalName()) && sameInstance(candidate, edit, node)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean sameInstance(Element existing, Element edit, DataSchemaNode node) {
        if (node instanceof LeafListSchemaNode) {
            return Dom.text(existing).equals(Dom.text(edit));
        }
        if (node instanceof ListSchemaNode) {
            for (String key : SchemaTree.keys(node)) {
                String a = Dom.child(existing, YangSchema.NAMESPACE, key).map(Dom::text).orElse(null);
                String b = Dom.child(edit, YangSchema.NAMESPACE, key).map(Dom::text).orElse(null);
                if (a == null || !a.equals(b)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Element emptyEntry(Element target, Element edit, DataSchemaNode node) {
        Element entry = target.getOwnerDocument().createElementNS(edit.getNamespaceURI(), edit.getLocalName());
        for (String key : SchemaTree.keys(node)) {
            Dom.child(edit, YangSchema.NAMESPACE, key).ifPresent(k -> entry.appendChild(strippedCopy(target, k)));
        }
        return entry;
    }

    /** A copy in the target's document without edit attributes and white-space-only text. */
    private static Element strippedCopy(Element target, Element edit) {
        Element copy = (Element) target.getOwnerDocument().importNode(edit, true);
        strip(copy);
        return copy;
    }

    private static void strip(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = attributes.getLength() - 1; i >= 0; i--) {
            Attr a = (Attr) attributes.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                element.removeAttributeNode(a);
            }
        }
        boolean interior = Dom.hasElementChildren(element);
        Node n = element.getFirstChild();
        while (n != null) {
            Node next = n.getNextSibling();
            if (n instanceof Element e) {
                strip(e);
            } else if (interior || n.getNodeType() == Node.COMMENT_NODE) {
                element.removeChild(n);
            }
            n = next;
        }
    }

    private static DatastoreException unknownElement(Element element, String parentPath) {
        return new DatastoreException(Errors.at(ErrorTag.UNKNOWN_ELEMENT,
                parentPath.isEmpty() ? "/" : parentPath, "unknown element <" + element.getLocalName() + ">")
                .withInfo(ErrorInfo.badElement(element.getLocalName())));
    }
}
