package net.multihome.netconf.xml;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;

/** Creates empty namespace-aware documents for building replies and notifications. */
public final class XmlDocuments {
    private static final DocumentBuilderFactory FACTORY = DocumentBuilderFactory.newDefaultNSInstance();

    private XmlDocuments() {
    }

    public static Document newDocument() {
        try {
            return FACTORY.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("JDK cannot create a DOM document", e);
        }
    }
}
