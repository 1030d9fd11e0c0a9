package net.multihome.core.yang;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses XML into DOM with everything a hostile document could abuse turned off: no DTD
 * (so no entities, internal or external), no XInclude, secure processing limits, bounded
 * nesting. The same hardened factory serves the NETCONF message parser.
 */
public final class SafeXml {

    /** Deepest element nesting accepted; the multihome model needs about ten levels. */
    public static final int DEFAULT_MAX_DEPTH = 64;

    private static final DocumentBuilderFactory FACTORY = hardenedFactory(DEFAULT_MAX_DEPTH);
    /** Making a builder costs more than parsing a small document: one per thread, reset and reused. */
    private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(() -> {
        try {
            return FACTORY.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    });

    private SafeXml() {
    }

    /**
     * Parses a document.
     *
     * @throws XmlInputException with the parser's line and column when the input is not acceptable XML
     */
    public static Document parse(InputStream in) throws XmlInputException, IOException {
        DocumentBuilder builder = BUILDERS.get();
        try {
            builder.reset();
            builder.setErrorHandler(null);
            return builder.parse(in);
        } catch (SAXParseException e) {
            throw new XmlInputException("line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                    + ": " + e.getMessage(), e);
        } catch (SAXException e) {
            throw new XmlInputException(e.getMessage(), e);
        }
    }

    /**
     * A namespace-aware factory that refuses any DOCTYPE (so no entities, internal or external),
     * reads no external DTD or schema, ignores XInclude and comments, and refuses elements nested
     * deeper than {@code maxDepth}.
     */
    public static DocumentBuilderFactory hardenedFactory(int maxDepth) {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setValidating(false);
        factory.setIgnoringComments(true);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a required safety feature", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setAttribute("jdk.xml.maxElementDepth", Integer.toString(maxDepth));
        return factory;
    }
}
