package net.multihome.netconf.xml;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class SecureXmlParserTest {
    private final SecureXmlParser parser = new SecureXmlParser();

    private Document parse(String xml) throws XmlParseException {
        return parser.parse(xml.getBytes(UTF_8));
    }

    @Test
    void parsesNamespaceAware() throws Exception {
        Document doc = parse("<nc:rpc xmlns:nc=\"urn:x\" message-id=\"1\"><nc:get/></nc:rpc>");
        assertEquals("urn:x", doc.getDocumentElement().getNamespaceURI());
        assertEquals("rpc", doc.getDocumentElement().getLocalName());
    }

    @Test
    void whitespaceBeforeTheXmlDeclarationIsSkipped() throws Exception {
        Document doc = parse("\n \t\r\n<?xml version=\"1.0\" encoding=\"UTF-8\"?><r xmlns=\"urn:x\"/>");
        assertEquals("r", doc.getDocumentElement().getLocalName());
    }

    @Test
    void internalEntityIsRefused() {
        assertThrows(XmlParseException.class,
                () -> parse("<!DOCTYPE r [<!ENTITY x \"boom\">]><r>&x;</r>"));
    }

    @Test
    void externalEntityIsNeverRead(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "TOPSECRET");
        XmlParseException e = assertThrows(XmlParseException.class,
                () -> parse("<!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]><r>&x;</r>"));
        assertFalse(e.getMessage().contains("TOPSECRET"));
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        assertThrows(XmlParseException.class, () -> parse(dtd + "]><lolz>&lol9;</lolz>"));
    }

    @Test
    void xincludeIsNotProcessed() throws Exception {
        Document doc = parse("<r xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
                + "<xi:include href=\"file:///etc/passwd\" parse=\"text\"/></r>");
        assertEquals("include", doc.getDocumentElement().getFirstChild().getLocalName());
        assertFalse(doc.getDocumentElement().getTextContent().contains("root:"));
    }

    @Test
    void nestingBeyondTheDepthLimitIsRefused() throws Exception {
        SecureXmlParser shallow = new SecureXmlParser(10, 1024);
        shallow.parse(("<a>".repeat(10) + "</a>".repeat(10)).getBytes(UTF_8));
        assertThrows(XmlParseException.class,
                () -> shallow.parse(("<a>".repeat(11) + "</a>".repeat(11)).getBytes(UTF_8)));
    }

    @Test
    void messageBeyondTheSizeLimitIsRefused() {
        assertThrows(XmlParseException.class, () -> new SecureXmlParser(10, 8).parse("<a>12345</a>".getBytes(UTF_8)));
    }

    @Test
    void notWellFormedIsRefused() {
        assertThrows(XmlParseException.class, () -> parse("<a><b></a>"));
        assertThrows(XmlParseException.class, () -> parse("garbage"));
    }
}
