package net.multihome.netconf.xml;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import javax.xml.XMLConstants;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class XmlWriterTest {
    @Test
    void declaresNamespacesOfBuiltElementsWithoutXmlDeclaration() {
        Document doc = XmlDocuments.newDocument();
        Element root = doc.createElementNS("urn:a", "root");
        Element child = doc.createElementNS("urn:b", "b:child");
        child.setAttributeNS("urn:c", "c:attr", "v");
        root.appendChild(child);
        Element plain = doc.createElementNS(null, "plain");
        root.appendChild(plain);
        doc.appendChild(root);
        assertEquals("<root xmlns=\"urn:a\"><b:child xmlns:b=\"urn:b\" xmlns:c=\"urn:c\" c:attr=\"v\"/>"
                + "<plain xmlns=\"\"/></root>", XmlWriter.toString(doc));
    }

    @Test
    void escapesSoThatEchoedTextCannotEndAFrame() {
        Document doc = XmlDocuments.newDocument();
        Element root = doc.createElementNS(null, "r");
        root.setAttribute("a", "x\"]]>]]><y");
        root.setTextContent("]]>]]> & <");
        doc.appendChild(root);
        String xml = XmlWriter.toString(doc);
        assertFalse(xml.contains("]]>"));
        assertEquals("<r a=\"x&quot;]]&gt;]]&gt;&lt;y\">]]&gt;]]&gt; &amp; &lt;</r>", xml);
    }

    @Test
    void roundTripsParsedPrefixedDocument() throws Exception {
        String xml = "<nc:rpc xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\" message-id=\"7\">"
                + "<nc:get/></nc:rpc>";
        Document doc = new SecureXmlParser().parse(xml.getBytes(UTF_8));
        assertEquals(xml, XmlWriter.toString(doc));
    }

    @Test
    void keepsXmlLangAndExplicitPrefixDeclarations() {
        Document doc = XmlDocuments.newDocument();
        Element m = doc.createElementNS("urn:a", "m");
        m.setAttributeNS(XMLConstants.XML_NS_URI, "xml:lang", "en");
        m.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:if", "urn:if");
        m.setTextContent("/if:interfaces");
        doc.appendChild(m);
        assertEquals("<m xmlns=\"urn:a\" xmlns:if=\"urn:if\" xml:lang=\"en\">/if:interfaces</m>",
                new String(XmlWriter.toBytes(doc), UTF_8));
    }

    @Test
    void leavesOutDeclarationsTheParentAlreadyMade() {
        Document doc = XmlDocuments.newDocument();
        Element top = doc.createElementNS("urn:a", "top");
        top.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", "urn:a");
        Element leaf = doc.createElementNS("urn:a", "leaf");
        leaf.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", "urn:a");
        Element other = doc.createElementNS("urn:b", "other");
        other.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", "urn:b");
        top.appendChild(leaf);
        top.appendChild(other);
        doc.appendChild(top);
        assertEquals("<top xmlns=\"urn:a\"><leaf/><other xmlns=\"urn:b\"/></top>", XmlWriter.toString(doc));
    }

    @Test
    void writesContentsOfAnotherDocumentInsideTheHolderWithoutTouchingThem() {
        Document envelope = XmlDocuments.newDocument();
        Element reply = envelope.createElementNS("urn:a", "reply");
        Element data = envelope.createElementNS("urn:a", "data");
        reply.appendChild(data);
        envelope.appendChild(reply);
        Document other = XmlDocuments.newDocument();
        Element inner = other.createElementNS("urn:a", "inner");
        inner.appendChild(other.createElementNS("urn:b", "leaf"));
        other.appendChild(inner);

        assertEquals("<reply xmlns=\"urn:a\"><data><inner><leaf xmlns=\"urn:b\"/></inner></data></reply>",
                new String(XmlWriter.toBytes(reply, data, List.of(inner)), UTF_8));
        assertFalse(data.hasChildNodes());
        assertEquals(other, inner.getOwnerDocument());
        assertEquals("<reply xmlns=\"urn:a\"><data/></reply>",
                new String(XmlWriter.toBytes(reply, data, List.of()), UTF_8));
    }

    @Test
    void keptContentIsWrittenAsItsNodesWouldBeInAnyEnvelope() {
        Document other = XmlDocuments.newDocument();
        Element inner = other.createElementNS("urn:m", "inner");
        Element leaf = other.createElementNS("urn:m", "leaf");
        leaf.setAttributeNS("urn:wd", "wd:default", "true");
        leaf.setAttributeNS("urn:x", "ns0:mark", "1");
        leaf.setTextContent("a < b");
        inner.appendChild(leaf);
        inner.appendChild(other.createElementNS("urn:a", "back"));
        other.appendChild(inner);
        KeptContent kept = new KeptContent(List.of(inner), "urn:a");

        for (int round = 0; round < 2; round++) {
            Document envelope = XmlDocuments.newDocument();
            Element reply = envelope.createElementNS("urn:a", "reply");
            reply.setAttributeNS(null, "message-id", "9");
            if (round == 1) {
                // A prefix bound in the envelope: the kept text does not fit, the nodes are written again.
                reply.setAttributeNS("urn:y", "ns0:user", "u");
            }
            Element data = envelope.createElementNS("urn:a", "data");
            reply.appendChild(data);
            envelope.appendChild(reply);
            assertEquals(new String(XmlWriter.toBytes(reply, data, List.of(inner)), UTF_8),
                    new String(XmlWriter.toBytes(reply, data, kept), UTF_8));
        }
        Document envelope = XmlDocuments.newDocument();
        Element reply = envelope.createElementNS("urn:other", "reply");
        Element data = envelope.createElementNS("urn:other", "data");
        reply.appendChild(data);
        assertEquals(new String(XmlWriter.toBytes(reply, data, List.of(inner)), UTF_8),
                new String(XmlWriter.toBytes(reply, data, kept), UTF_8));
    }
}
