package net.multihome.netconf.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small DOM reading helpers shared by the operation handlers. */
public final class Dom {
    private Dom() {
    }

    /** Child elements in document order. */
    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** The first child element with this namespace and local name. */
    public static Optional<Element> child(Element parent, String namespace, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && is(e, namespace, localName)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public static boolean is(Element element, String namespace, String localName) {
        return Objects.equals(namespace, element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    /** The element's text without surrounding white space. */
    public static String text(Element element) {
        return element.getTextContent().strip();
    }

    /** Whether the element has element children (an interior node rather than a leaf). */
    public static boolean hasElementChildren(Element element) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                return true;
            }
        }
        return false;
    }

    /** Appends a child element with text to {@code parent} in {@code namespace}. */
    public static Element appendLeaf(Element parent, String namespace, String name, String value) {
        Element leaf = parent.getOwnerDocument().createElementNS(namespace, name);
        leaf.setTextContent(value);
        parent.appendChild(leaf);
        return leaf;
    }

    /**
     * Makes the attribute maps Xerces creates on first use, in the whole subtree: afterwards,
     * reading the tree with {@code getFirstChild}, {@code getNextSibling} and {@code getAttributes}
     * changes nothing, so it may be read from several threads at once.
     */
    public static void materializeAttributes(Element element) {
        element.getAttributes();
        for (Node c = element.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                materializeAttributes(child);
            }
        }
    }

    /** Appends an empty child element to {@code parent} in {@code namespace}. */
    public static Element append(Element parent, String namespace, String name) {
        Element child = parent.getOwnerDocument().createElementNS(namespace, name);
        parent.appendChild(child);
        return child;
    }
}
