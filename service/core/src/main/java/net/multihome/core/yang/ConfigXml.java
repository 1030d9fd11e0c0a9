package net.multihome.core.yang;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeWriter;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlCodecFactory;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.model.api.EffectiveStatementInference;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The XML form of the {@code multihome} container: a NETCONF {@code <config>} document (as
 * the startup datastore is stored) or a bare {@code <multihome>} element, to yangtools data
 * and back.
 */
public final class ConfigXml {

    public static final String NETCONF_BASE = "urn:ietf:params:xml:ns:netconf:base:1.0";
    /** Looking the factory up scans the class path: once. Its writers are created per call. */
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    /** Value codecs, shared across parses: made per parse they recompile every pattern of the model. */
    private final XmlCodecFactory codecs;
    private final EffectiveStatementInference multihomeNode;

    public ConfigXml(YangSchema schema) {
        this.codecs = XmlCodecFactory.create(schema.context());
        this.multihomeNode = SchemaInferenceStack.of(schema.context(),
                Absolute.of(YangSchema.qname(YangSchema.MODULE))).toInference();
    }

    /** The text a leaf's value is written as in configuration XML. */
    public static String valueText(Object value) {
        return PlainValueWriter.text(value);
    }

    /**
     * Reads a configuration document and returns its {@code <multihome>} element; null for an
     * empty {@code <config/>}.
     *
     * @throws XmlInputException when it is not XML, has a DTD, or is not a configuration document
     */
    public static Element multihomeElement(InputStream in) throws XmlInputException, IOException {
        Document document = SafeXml.parse(in);
        Element root = document.getDocumentElement();
        if (isElement(root, YangSchema.NAMESPACE, YangSchema.MODULE)) {
            return root;
        }
        if (!isElement(root, NETCONF_BASE, "config")) {
            throw new XmlInputException("expected <config xmlns=\"" + NETCONF_BASE + "\"> or <multihome xmlns=\""
                    + YangSchema.NAMESPACE + "\">, found <" + root.getLocalName() + "> in namespace "
                    + root.getNamespaceURI());
        }
        Element multihome = null;
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                if (!isElement(element, YangSchema.NAMESPACE, YangSchema.MODULE) || multihome != null) {
                    throw new XmlInputException("unexpected element <" + element.getLocalName() + "> in namespace "
                            + element.getNamespaceURI() + " inside <config>");
                }
                multihome = element;
            }
        }
        return multihome;
    }

    /**
     * Parses one {@code <multihome>} element into yangtools data; yangtools checks each value
     * against its type (ranges, patterns, enumerations).
     */
    public ContainerNode parse(Element multihome) throws XmlInputException {
        NormalizationResultHolder result = new NormalizationResultHolder();
        NormalizedNodeStreamWriter writer = ImmutableNormalizedNodeStreamWriter.from(result);
        try (XmlParserStream parser = XmlParserStream.create(writer, codecs, multihomeNode)) {
            parser.traverse(new DOMSource(multihome));
        } catch (XMLStreamException | IOException | RuntimeException e) {
            throw new XmlInputException(e.getMessage(), e);
        }
        return (ContainerNode) result.getResult().data();
    }

    /** Writes the container as a {@code <config>} document, the form of the startup datastore. */
    public String toConfigDocument(ContainerNode multihome) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("", "config", NETCONF_BASE);
            xml.writeDefaultNamespace(NETCONF_BASE);
            if (multihome != null) {
                writeNode(xml, multihome);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException | IOException e) {
            throw new IllegalStateException("cannot serialize configuration: " + e.getMessage(), e);
        }
        return out.toString() + "\n";
    }

    /**
     * Writes the container as the {@code <multihome>} document element of an empty
     * {@code document}, straight into DOM (no text in between).
     */
    public void writeInto(ContainerNode multihome, Document document) {
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(new DOMResult(document));
            writeNode(xml, multihome);
            xml.close();
        } catch (XMLStreamException | IOException e) {
            throw new IllegalStateException("cannot serialize configuration: " + e.getMessage(), e);
        }
    }

    private static void writeNode(XMLStreamWriter xml, NormalizedNode node) throws IOException {
        NormalizedNodeStreamWriter writer = new PlainValueWriter(xml);
        // Flushed, not closed: closing would end the enclosing <config> document too.
        NormalizedNodeWriter nodeWriter = NormalizedNodeWriter.forStreamWriter(writer);
        nodeWriter.write(node);
        nodeWriter.flush();
    }

    private static boolean isElement(Element element, String namespace, String localName) {
        return namespace.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }
}
