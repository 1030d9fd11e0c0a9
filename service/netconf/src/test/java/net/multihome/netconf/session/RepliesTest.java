package net.multihome.netconf.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.multihome.netconf.rpc.Namespaces;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.xml.SecureXmlParser;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The {@code <ok/>} reply written directly against the same reply built as a document. */
class RepliesTest {
    private static final String BASE = Namespaces.BASE;

    @Test
    void anOkReplyIsWrittenAsTheDocumentPathWritesIt() throws Exception {
        for (String rpc : List.of(
                "<rpc xmlns=\"" + BASE + "\" message-id=\"101\"><commit/></rpc>",
                "<nc:rpc xmlns:nc=\"" + BASE + "\" message-id=\"urn:uuid:4f1c\"><nc:commit/></nc:rpc>",
                "<rpc xmlns=\"" + BASE + "\" z=\"1\" message-id=\"7\" a=\"x\"><commit/></rpc>",
                "<rpc xmlns=\"" + BASE + "\" message-id=\"a&amp;b &lt;c&gt; &quot;d&quot; e&#10;f&#9;g ]]&gt;]]&gt;\"/>",
                "<rpc xmlns=\"" + BASE + "\" xmlns:x=\"urn:x\" message-id=\"\u00e9\u4e2d\"><commit/></rpc>")) {
            Element request = parse(rpc);
            byte[] direct = Replies.ok(request);
            assertArrayEquals(Replies.throughDocument(request, new RpcReply.Ok()), direct, rpc);
            assertArrayEquals(direct, Replies.toBytes(request, new RpcReply.Ok()), rpc);
        }
        assertEquals("<rpc-reply xmlns=\"" + BASE + "\"><ok/></rpc-reply>",
                new String(Replies.toBytes(null, new RpcReply.Ok()), StandardCharsets.UTF_8));
        assertArrayEquals(Replies.throughDocument(null, new RpcReply.Ok()), Replies.ok(null));
    }

    @Test
    void anAttributeWithANamespaceIsLeftToTheDocumentPath() throws Exception {
        Element request = parse("<rpc xmlns=\"" + BASE + "\" xmlns:x=\"urn:x\" message-id=\"1\" x:trace=\"t\"/>");
        assertNull(Replies.ok(request));
        String reply = new String(Replies.toBytes(request, new RpcReply.Ok()), StandardCharsets.UTF_8);
        assertEquals(new String(Replies.throughDocument(request, new RpcReply.Ok()), StandardCharsets.UTF_8), reply);
    }

    private static Element parse(String xml) throws Exception {
        return new SecureXmlParser().parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
    }
}
