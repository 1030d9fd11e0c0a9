package net.multihome.netconf.session;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.multihome.netconf.rpc.Namespaces;
import net.multihome.netconf.xml.XmlDocuments;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The RFC 6241 section 8.1 hello exchange: the server's hello and checks on the client's. */
final class Hello {
    private Hello() {
    }

    static Document server(List<String> capabilities, long sessionId) {
        Document doc = XmlDocuments.newDocument();
        Element hello = doc.createElementNS(Namespaces.BASE, "hello");
        Element caps = doc.createElementNS(Namespaces.BASE, "capabilities");
        for (String uri : capabilities) {
            Element cap = doc.createElementNS(Namespaces.BASE, "capability");
            cap.setTextContent(uri);
            caps.appendChild(cap);
        }
        Element id = doc.createElementNS(Namespaces.BASE, "session-id");
        id.setTextContent(Long.toString(sessionId));
        hello.appendChild(caps);
        hello.appendChild(id);
        doc.appendChild(hello);
        return doc;
    }

    /**
     * The capabilities of a valid client hello.
     *
     * @throws BadHelloException if it is not a hello, carries a session-id, or names no base version
     */
    static Set<String> parseClient(Document doc) throws BadHelloException {
        Element root = doc.getDocumentElement();
        if (!isBase(root, "hello")) {
            throw new BadHelloException("expected hello, got " + root.getLocalName());
        }
        Set<String> capabilities = new LinkedHashSet<>();
        for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (isBase(c, "session-id")) {
                throw new BadHelloException("client hello must not carry a session-id");
            }
            if (isBase(c, "capabilities")) {
                for (Node cap = c.getFirstChild(); cap != null; cap = cap.getNextSibling()) {
                    if (isBase(cap, "capability")) {
                        capabilities.add(cap.getTextContent().strip());
                    }
                }
            }
        }
        if (!capabilities.contains(Namespaces.CAPABILITY_BASE_1_0)
                && !capabilities.contains(Namespaces.CAPABILITY_BASE_1_1)) {
            throw new BadHelloException("client hello names neither base:1.0 nor base:1.1");
        }
        return Set.copyOf(capabilities);
    }

    private static boolean isBase(Node node, String name) {
        return node.getNodeType() == Node.ELEMENT_NODE && name.equals(node.getLocalName())
                && Namespaces.BASE.equals(node.getNamespaceURI());
    }

    static final class BadHelloException extends Exception {
        BadHelloException(String message) {
            super(message);
        }
    }
}
