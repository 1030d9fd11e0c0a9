package net.multihome.netconf.xml;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Serialises DOM to UTF-8 bytes without an XML declaration.
 *
 * <p>Written by hand rather than with a {@code Transformer} so that every namespace used by an
 * element or attribute is declared where it is needed, whatever mix of parsed and built nodes
 * a reply holds, and so that {@code >} is always escaped: an echoed attribute holding
 * {@code ]]>]]>} can then never end an end-of-message frame early.
 *
 * <p>Nodes are only read, so they may belong to any document: a reply's content is written
 * inside its envelope where it stands ({@link #toBytes(Element, Element, List)}), without a
 * copy into the envelope's document.
 */
public final class XmlWriter {
    private final Element holder;
    private final List<Node> contents;
    /** The contents already written, or null. */
    private final KeptContent kept;

    private XmlWriter(Element holder, List<Node> contents, KeptContent kept) {
        this.holder = holder;
        this.contents = contents;
        this.kept = kept;
    }

    public static byte[] toBytes(Node node) {
        Node start = node instanceof Document d ? d.getDocumentElement() : node;
        return new XmlWriter(null, List.of(), null).bytes(start);
    }

    /**
     * {@code root} with {@code contents} written as the children of {@code holder}, an element
     * without children inside {@code root} (or {@code root} itself).
     */
    public static byte[] toBytes(Element root, Element holder, List<? extends Node> contents) {
        if (holder.hasChildNodes()) {
            throw new IllegalArgumentException("the holder of spliced contents must have no children");
        }
        return new XmlWriter(holder, List.<Node>copyOf(contents), null).bytes(root);
    }

    /**
     * As {@link #toBytes(Element, Element, List)} with the kept nodes, whose text is spliced in
     * when the holder's scope is the one they were written in.
     */
    public static byte[] toBytes(Element root, Element holder, KeptContent contents) {
        if (holder.hasChildNodes()) {
            throw new IllegalArgumentException("the holder of spliced contents must have no children");
        }
        return new XmlWriter(holder, contents.nodes(), contents).bytes(root);
    }

    /** {@code nodes} as written inside an element whose scope binds only the default namespace, to {@code ns}. */
    static String written(List<Node> nodes, String ns) {
        Scope scope = new Scope(null);
        scope.declare("", ns);
        StringBuilder out = new StringBuilder(1024);
        XmlWriter writer = new XmlWriter(null, List.of(), null);
        for (Node node : nodes) {
            writer.write(node, scope, out);
        }
        return out.toString();
    }

    private byte[] bytes(Node start) {
        StringBuilder out = new StringBuilder(1024);
        write(start, new Scope(null), out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static String toString(Node node) {
        return new String(toBytes(node), StandardCharsets.UTF_8);
    }

    private void write(Node node, Scope scope, StringBuilder out) {
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> writeElement((Element) node, scope, out);
            case Node.TEXT_NODE -> escape(node.getNodeValue(), false, out);
            case Node.CDATA_SECTION_NODE -> escape(node.getNodeValue(), false, out);
            default -> {
                // Comments, processing instructions and the like carry nothing a client needs.
            }
        }
    }

    private void writeElement(Element element, Scope parent, StringBuilder out) {
        Scope scope = new Scope(parent);
        StringBuilder attrs = new StringBuilder();
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                String prefix = XMLConstants.XMLNS_ATTRIBUTE.equals(a.getName()) ? "" : a.getLocalName();
                // A declaration the parent already made is left out (DOM built by StAX repeats them).
                if (!a.getValue().equals(parent.lookup(prefix))) {
                    scope.declare(prefix, a.getValue());
                }
            }
        }
        String ns = emptyToNull(element.getNamespaceURI());
        String prefix = element.getPrefix() == null ? "" : element.getPrefix();
        String bound = scope.lookup(prefix);
        if (ns == null ? bound != null && !bound.isEmpty() && prefix.isEmpty() : !ns.equals(bound)) {
            scope.declare(prefix, ns == null ? "" : ns);
        }
        String name = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
        String qname = prefix.isEmpty() ? name : prefix + ":" + name;
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            String ans = emptyToNull(a.getNamespaceURI());
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ans)) {
                continue;
            }
            String local = a.getLocalName() == null ? a.getName() : a.getLocalName();
            String attrName = local;
            if (XMLConstants.XML_NS_URI.equals(ans)) {
                attrName = "xml:" + local;
            } else if (ans != null) {
                String p = a.getPrefix();
                if (p == null || p.isEmpty() || !ans.equals(scope.lookup(p))) {
                    p = p == null || p.isEmpty() || scope.lookup(p) != null ? scope.freshPrefix(ans) : p;
                    scope.declare(p, ans);
                }
                attrName = p + ":" + local;
            }
            attrs.append(' ').append(attrName).append("=\"");
            escape(a.getValue(), true, attrs);
            attrs.append('"');
        }
        out.append('<').append(qname);
        scope.writeDeclarations(out);
        out.append(attrs);
        boolean spliced = element == holder;
        if (spliced ? contents.isEmpty() : !element.hasChildNodes()) {
            out.append("/>");
            return;
        }
        out.append('>');
        if (spliced && kept != null && scope.bindsOnlyDefault(kept.defaultNamespace())) {
            out.append(kept.text());
        } else if (spliced) {
            for (Node c : contents) {
                write(c, scope, out);
            }
        } else {
            for (Node c = element.getFirstChild(); c != null; c = c.getNextSibling()) {
                write(c, scope, out);
            }
        }
        out.append("</").append(qname).append('>');
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** {@code text} escaped as this writer escapes an attribute's value. */
    public static void escapeAttribute(String text, StringBuilder out) {
        escape(text, true, out);
    }

    private static void escape(String text, boolean attribute, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> out.append(c);
            }
        }
    }

    /**
     * Namespace bindings in force at one element, chained to its parent's. Most elements declare
     * nothing: their scope has no map, and lookups pass over it.
     */
    private static final class Scope {
        private final Scope parent;
        private Map<String, String> declared;

        Scope(Scope parent) {
            this.parent = parent;
        }

        String lookup(String prefix) {
            for (Scope s = this; s != null; s = s.parent) {
                String ns = s.declared == null ? null : s.declared.get(prefix);
                if (ns != null) {
                    return ns;
                }
            }
            return prefix.isEmpty() ? "" : null;
        }

        /** Whether the only binding in force is the default namespace's, to {@code ns}. */
        boolean bindsOnlyDefault(String ns) {
            for (Scope s = this; s != null; s = s.parent) {
                if (s.declared != null && (s.declared.size() > 1 || !s.declared.containsKey(""))) {
                    return false;
                }
            }
            return ns.equals(lookup(""));
        }

        void declare(String prefix, String ns) {
            if (declared == null) {
                declared = new HashMap<>(2);
            }
            declared.put(prefix, ns);
        }

        /** A prefix unbound here or bound to {@code ns}; one of n+1 candidates must be, with n bindings in scope. */
        String freshPrefix(String ns) {
            int bindings = 0;
            for (Scope s = this; s != null; s = s.parent) {
                bindings += s.declared == null ? 0 : s.declared.size();
            }
            for (int i = 0; i <= bindings; i++) {
                String candidate = "ns" + i;
                String bound = lookup(candidate);
                if (bound == null || bound.equals(ns)) {
                    return candidate;
                }
            }
            throw new IllegalStateException("no free prefix among " + (bindings + 1) + " candidates");
        }

        void writeDeclarations(StringBuilder out) {
            if (declared == null) {
                return;
            }
            declared.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                out.append(e.getKey().isEmpty() ? " xmlns" : " xmlns:" + e.getKey()).append("=\"");
                escape(e.getValue(), true, out);
                out.append('"');
            });
        }
    }
}
