package net.multihome.netconf.session;

import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import net.multihome.netconf.rpc.ErrorInfo;
import net.multihome.netconf.rpc.Namespaces;
import net.multihome.netconf.rpc.RpcError;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.xml.XmlDocuments;
import net.multihome.netconf.xml.XmlWriter;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/** Builds {@code <rpc-reply>} documents from {@link RpcReply} values. */
final class Replies {
    private Replies() {
    }

    /**
     * The {@code <rpc-reply>} as bytes. Data and content nodes are written where they stand, not
     * copied into the reply's document first.
     *
     * @param request the request's {@code <rpc>} element whose attributes the reply copies, or
     *                {@code null} when the message could not be parsed
     */
    static byte[] toBytes(Element request, RpcReply reply) {
        if (reply instanceof RpcReply.Ok) {
            byte[] ok = ok(request);
            if (ok != null) {
                return ok;
            }
        }
        return throughDocument(request, reply);
    }

    /**
     * An {@code <ok/>} reply written straight from the request's attributes, as
     * {@link #throughDocument} writes it (the attributes in the request's order, by name), or
     * null when an attribute has a namespace, whose prefix the document path chooses.
     */
    static byte[] ok(Element request) {
        StringBuilder out = new StringBuilder(128).append("<rpc-reply xmlns=\"").append(Namespaces.BASE).append('"');
        NamedNodeMap attributes = request == null ? null : request.getAttributes();
        for (int i = 0; attributes != null && i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            String ns = a.getNamespaceURI();
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(ns)) {
                continue;
            }
            if (ns != null && !ns.isEmpty()) {
                return null;
            }
            out.append(' ').append(a.getLocalName() == null ? a.getName() : a.getLocalName()).append("=\"");
            XmlWriter.escapeAttribute(a.getValue(), out);
            out.append('"');
        }
        return out.append("><ok/></rpc-reply>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The reply built as a document and written by {@link XmlWriter}. */
    static byte[] throughDocument(Element request, RpcReply reply) {
        Document doc = XmlDocuments.newDocument();
        Element root = base(doc, "rpc-reply");
        doc.appendChild(root);
        if (request != null) {
            copyAttributes(request, root);
        }
        switch (reply) {
            case RpcReply.Ok ok -> root.appendChild(base(doc, "ok"));
            case RpcReply.Data data -> {
                Element wrapper = base(doc, "data");
                root.appendChild(wrapper);
                return XmlWriter.toBytes(root, wrapper, data.nodes());
            }
            case RpcReply.KeptData kept -> {
                Element wrapper = base(doc, "data");
                root.appendChild(wrapper);
                return XmlWriter.toBytes(root, wrapper, kept.data());
            }
            case RpcReply.Content content -> {
                return XmlWriter.toBytes(root, root, content.nodes());
            }
            case RpcReply.Error error -> error.errors().forEach(e -> root.appendChild(error(doc, e)));
        }
        return XmlWriter.toBytes(doc);
    }

    /** RFC 6241 asks for every attribute of {@code <rpc>} back; namespace declarations are redone by the writer. */
    private static void copyAttributes(Element request, Element reply) {
        NamedNodeMap attributes = request.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                reply.setAttributeNS(a.getNamespaceURI(), a.getName(), a.getValue());
            }
        }
    }

    private static Element error(Document doc, RpcError e) {
        Element error = base(doc, "rpc-error");
        error.appendChild(text(doc, "error-type", e.type().wireName()));
        error.appendChild(text(doc, "error-tag", e.tag().wireName()));
        error.appendChild(text(doc, "error-severity", e.severity().wireName()));
        e.appTag().ifPresent(tag -> error.appendChild(text(doc, "error-app-tag", tag)));
        e.path().ifPresent(path -> {
            Element p = text(doc, "error-path", path.xpath());
            path.prefixes().forEach((prefix, ns) ->
                    p.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + prefix, ns));
            error.appendChild(p);
        });
        if (!e.message().isEmpty()) {
            Element m = text(doc, "error-message", e.message());
            m.setAttributeNS(XMLConstants.XML_NS_URI, "xml:lang", "en");
            error.appendChild(m);
        }
        if (!e.info().isEmpty()) {
            Element info = base(doc, "error-info");
            for (ErrorInfo item : e.info()) {
                Element child = doc.createElementNS(item.namespace().isEmpty() ? null : item.namespace(), item.name());
                child.setTextContent(item.value());
                info.appendChild(child);
            }
            error.appendChild(info);
        }
        return error;
    }

    private static Element base(Document doc, String name) {
        return doc.createElementNS(Namespaces.BASE, name);
    }

    private static Element text(Document doc, String name, String value) {
        Element e = base(doc, name);
        e.setTextContent(value);
        return e;
    }
}
