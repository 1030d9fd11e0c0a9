package net.multihome.netconf.session;

import net.multihome.netconf.rpc.Namespaces;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads an operation element with no namespace inside a base {@code <rpc>} as the base operation
 * of that name, as netconfd does: ncclient (and so Ansible's {@code netconf_rpc}) sends
 * {@code <nc:rpc xmlns:nc="...base:1.0"><get/></nc:rpc>}. Its parameters have no namespace either,
 * so they move into the base namespace too; the content of {@code config} and {@code filter} is
 * data of other modules and is left as sent.
 */
final class UnqualifiedOperation {
    private UnqualifiedOperation() {
    }

    static boolean isUnqualified(Element element) {
        return element.getNamespaceURI() == null || element.getNamespaceURI().isEmpty();
    }

    /** The element, renamed into the base namespace along with its unqualified descendants. */
    static Element asBase(Element operation) {
        Document doc = operation.getOwnerDocument();
        Element renamed = (Element) doc.renameNode(operation, Namespaces.BASE, operation.getLocalName());
        if ("config".equals(renamed.getLocalName()) || "filter".equals(renamed.getLocalName())) {
            return renamed;
        }
        for (Node c = renamed.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child && isUnqualified(child)) {
                c = asBase(child);
            }
        }
        return renamed;
    }
}
