package net.multihome.netconf.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import net.multihome.core.yang.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses untrusted NETCONF messages into a namespace-aware DOM.
 *
 * <table>
 *   <caption>Defences</caption>
 *   <tr><th>Threat</th><th>Defence</th></tr>
 *   <tr><td>entity bombs, internal entities, XXE</td><td>any DOCTYPE is refused
 *       ({@code disallow-doctype-decl}); external DTD/schema access is empty</td></tr>
 *   <tr><td>XInclude</td><td>not XInclude-aware</td></tr>
 *   <tr><td>deep nesting</td><td>{@code maxDepth} elements (default 64), checked by the JDK parser</td></tr>
 *   <tr><td>huge input</td><td>{@code maxBytes} (default 16 MiB), checked before parsing</td></tr>
 * </table>
 *
 * <p>Whitespace before the XML declaration is skipped: XML forbids it, but clients such as
 * yuma123's litenc send it inside a chunk, and netconfd accepts it.
 *
 * <p>The factory is {@link SafeXml#hardenedFactory}, shared with the configuration parser.
 * Instances are thread-safe: builders are not, so each thread keeps its own.
 */
public final class SecureXmlParser {
    public static final int DEFAULT_MAX_DEPTH = SafeXml.DEFAULT_MAX_DEPTH;
    public static final int DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
    private static final String DEFER_NODE_EXPANSION = "http://apache.org/xml/features/dom/defer-node-expansion";

    private final DocumentBuilderFactory factory;
    /** Making a builder costs more than parsing a small RPC; each session thread keeps one. */
    private final ThreadLocal<DocumentBuilder> builders = ThreadLocal.withInitial(this::newBuilder);
    private final int maxBytes;
    private final int maxDepth;

    public SecureXmlParser(int maxDepth, int maxBytes) {
        if (maxDepth < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("limits must be positive: depth " + maxDepth + ", bytes " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
        this.factory = SafeXml.hardenedFactory(maxDepth);
        try {
            // Messages are small and read whole: building the DOM as it parses costs less than
            // Xerces's deferred nodes, which are expanded on first access anyway.
            factory.setFeature(DEFER_NODE_EXPANSION, false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser has no " + DEFER_NODE_EXPANSION, e);
        }
    }

    public SecureXmlParser() {
        this(DEFAULT_MAX_DEPTH, DEFAULT_MAX_BYTES);
    }

    /**
     * Parses one whole message: plain XML, as clients write their requests, by
     * {@link PlainXmlParser}, and anything else by the JDK parser with the defences above.
     */
    public Document parse(byte[] message) throws XmlParseException {
        if (message.length > maxBytes) {
            throw new XmlParseException("XML message of " + message.length + " bytes exceeds " + maxBytes);
        }
        DocumentBuilder builder = builders.get();
        int start = leadingWhitespace(message);
        Optional<Document> plain = PlainXmlParser.parse(message, start, maxDepth, builder.newDocument());
        if (plain.isPresent()) {
            return plain.get();
        }
        try {
            builder.reset();
            builder.setErrorHandler(FAIL_FAST);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            Document doc = builder.parse(new InputSource(
                    new ByteArrayInputStream(message, start, message.length - start)));
            rejectEntityReferences(doc);
            return doc;
        } catch (SAXException e) {
            throw new XmlParseException(e.getMessage(), e);
        } catch (IOException e) {
            throw new XmlParseException("XML parser failure: " + e.getMessage(), e);
        }
    }

    private static int leadingWhitespace(byte[] message) {
        int i = 0;
        while (i < message.length && (message[i] == ' ' || message[i] == '\t' || message[i] == '\r'
                || message[i] == '\n')) {
            i++;
        }
        return i;
    }

    private DocumentBuilder newBuilder() {
        try {
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured safely", e);
        }
    }

    /** Belt and braces: without a DTD no entity can be declared, so any reference left is an attack. */
    private static void rejectEntityReferences(Node node) throws XmlParseException {
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ENTITY_REFERENCE_NODE || c.getNodeType() == Node.DOCUMENT_TYPE_NODE) {
                throw new XmlParseException("entity references are not allowed");
            }
            rejectEntityReferences(c);
        }
    }

    private static final ErrorHandler FAIL_FAST = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // Warnings do not make a document unusable.
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
