package net.multihome.netconf.xml;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import net.multihome.core.yang.SafeXml;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

class PlainXmlParserTest {
    private static final int DEPTH = 10;
    private static final String NC = "xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"";

    static Stream<String> plain() {
        return Stream.of(
                "<rpc " + NC + " message-id=\"101\"><get-config><source><running/></source></get-config></rpc>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><nc:rpc xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\""
                        + " message-id=\"urn:uuid:0b3f2a4e\"><nc:get-config><nc:source><nc:running/></nc:source>"
                        + "</nc:get-config></nc:rpc>",
                "<?xml version='1.0'?>\n<rpc " + NC + " message-id='1'>\n  <get/>\n</rpc>\n",
                "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"no\" ?><r/>",
                "<rpc " + NC + " message-id=\"7\" xmlns:ex=\"urn:ex\" ex:user=\"a\tb\nc\"><edit-config><target>"
                        + "<candidate/></target><config><multihome xmlns=\"urn:multihome\"><providers><provider>"
                        + "<name>isp1</name><weight>2</weight><description>a > b ] c</description></provider>"
                        + "</providers></multihome></config></edit-config></rpc>",
                "<a xmlns=\"urn:a\"><b xmlns=\"\"><c/></b><p:d xmlns:p=\"urn:p\" p:x=\"1\" x=\"2\"/></a>",
                "<a xmlns:p=\"urn:1\"><p:b xmlns:p=\"urn:2\"><p:c/></p:b><p:d/></a>",
                "<a  b = \"1\"\n c='\"' d=\"'\" ></a >",
                "<a>" + "<b>".repeat(DEPTH - 1) + "</b>".repeat(DEPTH - 1) + "</a>",
                "<a>text with spaces</a>",
                "<x.y-z_1 xmlns=\"urn:x\"/>");
    }

    static Stream<String> notPlain() {
        return Stream.of(
                "",
                "<!DOCTYPE r [<!ENTITY x \"boom\">]><r>&x;</r>",
                "<r>&amp;</r>",
                "<r>&#65;</r>",
                "<r><!-- c --></r>",
                "<r><![CDATA[x]]></r>",
                "<r><?pi x?></r>",
                "<?xml-stylesheet href=\"a\"?><r/>",
                "<r>\r\n</r>",
                "<r>caf\u00e9</r>",
                "<p:r/>",
                "<r xml:lang=\"en\"/>",
                "<r a=\"1\" a=\"2\"/>",
                "<r xmlns:p=\"urn:p\" xmlns:q=\"urn:p\" p:a=\"1\" q:a=\"2\"/>",
                "<r>" + "<a>".repeat(DEPTH) + "</a>".repeat(DEPTH) + "</r>",
                "<a></b>",
                "<a/><b/>",
                "<a/>x",
                "<a>]]></a>",
                "<a b=\"<\"/>",
                "<a b=\"1\"c=\"2\"/>",
                "<a",
                "<a>",
                "<a b/>",
                "<a xmlns:p=\"\"/>",
                "<a xmlns=\"http://www.w3.org/2000/xmlns/\"/>",
                "<a xmlns:xml=\"http://www.w3.org/XML/1998/namespace\"/>",
                "<?xml version=\"1.1\"?><r/>",
                "<?xml version=\"1.0\"encoding=\"UTF-8\"?><r/>",
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r/>",
                "<a:b:c xmlns:a=\"urn:a\"/>",
                "<a: xmlns:a=\"urn:a\"/>",
                "<1a/>",
                "<a" + attributes(33) + "/>");
    }

    private static String attributes(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(" a").append(i).append("=\"").append(i).append('"');
        }
        return s.toString();
    }

    @ParameterizedTest
    @MethodSource("plain")
    void plainXmlGivesTheDomOfTheJdkParser(String xml) throws Exception {
        Optional<Document> plain = PlainXmlParser.parse(xml.getBytes(UTF_8), 0, DEPTH, XmlDocuments.newDocument());
        assertTrue(plain.isPresent(), "not parsed as plain: " + xml);
        Document reference = jdkParser().parse(new ByteArrayInputStream(xml.getBytes(UTF_8)));
        assertTrue(reference.getDocumentElement().isEqualNode(plain.get().getDocumentElement()),
                () -> "differs from the JDK parser's DOM: " + xml);
        assertEquals(1, plain.get().getChildNodes().getLength());
    }

    @ParameterizedTest
    @MethodSource("notPlain")
    void anythingElseIsLeftToTheJdkParser(String xml) {
        assertTrue(PlainXmlParser.parse(xml.getBytes(UTF_8), 0, DEPTH, XmlDocuments.newDocument()).isEmpty(), xml);
    }

    @ParameterizedTest
    @MethodSource("notPlain")
    void whatTheJdkParserRefusesIsStillRefused(String xml) {
        SecureXmlParser secure = new SecureXmlParser(DEPTH, 1 << 20);
        boolean jdkRefuses;
        try {
            jdkParser().parse(new ByteArrayInputStream(xml.getBytes(UTF_8)));
            jdkRefuses = false;
        } catch (Exception e) {
            jdkRefuses = true;
        }
        if (jdkRefuses) {
            assertThrows(XmlParseException.class, () -> secure.parse(xml.getBytes(UTF_8)), xml);
        }
    }

    private static DocumentBuilder jdkParser() throws Exception {
        DocumentBuilder builder = SafeXml.hardenedFactory(DEPTH).newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder;
    }
}
