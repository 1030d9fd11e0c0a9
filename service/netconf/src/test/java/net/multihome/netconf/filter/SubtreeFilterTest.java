package net.multihome.netconf.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import net.multihome.netconf.xml.XmlWriter;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** RFC 6241 section 6 cases on small trees. */
class SubtreeFilterTest {
    private static final String DATA = "<top xmlns=\"urn:t\"><users>"
            + "<user><name>root</name><type>superuser</type><company>x</company></user>"
            + "<user><name>fred</name><type>admin</type><company>y</company></user>"
            + "</users><other>o</other></top>";

    private static Element parse(String xml) throws Exception {
        return DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    }

    private static String filter(String filterContent) throws Exception {
        Element filter = parse("<filter xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">" + filterContent
                + "</filter>");
        Element data = parse(DATA);
        List<Node> out = SubtreeFilter.of(filter).apply(List.of(data), data.getOwnerDocument());
        return out.isEmpty() ? "" : XmlWriter.toString(out.getFirst());
    }

    @Test
    void selectionNodeSelectsTheWholeSubtree() throws Exception {
        String out = filter("<top xmlns=\"urn:t\"><users/></top>");
        assertTrue(out.contains("fred") && out.contains("root"), out);
        assertFalse(out.contains("<other>"), out);
    }

    @Test
    void contentMatchSelectsOneEntryAndItsSelectedSiblings() throws Exception {
        String out = filter("<top xmlns=\"urn:t\"><users><user><name>fred</name><type/></user></users></top>");
        assertTrue(out.contains("<name>fred</name>") && out.contains("<type>admin</type>"), out);
        assertFalse(out.contains("root") || out.contains("<company>"), out);
    }

    @Test
    void onlyContentMatchNodesSelectTheWholeEntry() throws Exception {
        String out = filter("<top xmlns=\"urn:t\"><users><user><name>root</name></user></users></top>");
        assertTrue(out.contains("<company>x</company>"), out);
        assertFalse(out.contains("fred"), out);
    }

    @Test
    void noMatchSelectsNothingAndOtherNamespacesDoNotMatch() throws Exception {
        assertEquals("", filter("<top xmlns=\"urn:t\"><users><user><name>bob</name></user></users></top>"));
        assertEquals("", filter("<top xmlns=\"urn:other\"/>"));
    }

    @Test
    void matchesAgreesWithSelect() throws Exception {
        Element data = parse(DATA);
        Element fred = parse("<filter><top xmlns=\"urn:t\"><users><user><name>fred</name><type/></user></users></top>"
                + "</filter>");
        Element bob = parse("<filter><top xmlns=\"urn:t\"><users><user><name>bob</name></user></users></top></filter>");
        assertTrue(SubtreeFilter.of(fred).matches(data));
        assertFalse(SubtreeFilter.of(bob).matches(data));
    }

    @Test
    void filterWithoutNamespaceMatchesAnyNamespace() throws Exception {
        Document doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().newDocument();
        Element filter = doc.createElementNS("urn:ietf:params:xml:ns:netconf:base:1.0", "filter");
        filter.appendChild(doc.createElementNS(null, "top")).appendChild(doc.createElementNS(null, "other"));
        Element data = parse(DATA);
        List<Node> out = SubtreeFilter.of(filter).apply(List.of(data), data.getOwnerDocument());
        String text = XmlWriter.toString(out.getFirst());
        assertTrue(text.contains("<other>o</other>") && !text.contains("users"), text);
    }
}
