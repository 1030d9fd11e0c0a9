package net.multihome.netconf.xml;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;

/** Creates empty namespace-aware documents for building replies and notifications. */
public final class XmlDocuments {
    private static final DocumentBuilderFactory FACTORY = DocumentBuilderFactory.newDefaultNSInstance();
    /** A builder is costly to make and not thread-safe: one per thread, reused. */
    private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(() -> {
        try {
            return FACTORY.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("JDK cannot create a DOM document", e);
        }
    });

    private XmlDocuments() {
    }

    public static Document newDocument() {
        return BUILDERS.get().newDocument();
    }
}
