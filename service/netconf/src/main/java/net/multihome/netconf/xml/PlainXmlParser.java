package net.multihome.netconf.xml;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Parses the plain XML that NETCONF clients write (ASCII elements, attributes, namespace
 * declarations, text, an XML declaration) straight into a DOM, without the JDK parser's fixed
 * cost per message, which dominated a small request until its large scanner was compiled.
 *
 * <p>It only accepts, never refuses: a message with anything else in it (a DOCTYPE, an entity
 * or character reference, a comment, CDATA, a processing instruction, a carriage return,
 * non-ASCII bytes, an undeclared or reserved prefix, a duplicate attribute, nesting beyond the
 * limit, more than a few attributes or bindings) or anything not well-formed gives empty, and
 * {@link SecureXmlParser} parses it with the hardened JDK parser, which applies every guard and
 * reports the error. What it accepts gives the DOM the JDK parser gives.
 */
final class PlainXmlParser {
    /** Larger messages are rare, and the fixed cost this saves is small beside theirs. */
    static final int MAX_BYTES = 256 * 1024;
    /** Keeps the attribute and namespace lookups small whatever the input. */
    private static final int MAX_ATTRIBUTES = 32;
    private static final int MAX_BINDINGS = 128;

    /** Leaves the subset; thrown often enough to be made once and without a stack trace. */
    private static final class OutsideSubset extends Exception {
        private static final OutsideSubset INSTANCE = new OutsideSubset();

        private OutsideSubset() {
            super(null, null, false, false);
        }
    }

    private final byte[] in;
    private final int end;
    private final int maxDepth;
    private final Document doc;
    /** The namespace bindings in scope, innermost last; "" is the default namespace's prefix. */
    private final List<String> prefixes = new ArrayList<>();
    private final List<String> uris = new ArrayList<>();
    private int pos;

    private PlainXmlParser(byte[] in, int start, int maxDepth, Document doc) {
        this.in = in;
        this.pos = start;
        this.end = in.length;
        this.maxDepth = maxDepth;
        this.doc = doc;
    }

    /**
     * The message from {@code start} as a DOM built in {@code empty}, or empty when it is not
     * plain XML as described above.
     */
    static Optional<Document> parse(byte[] message, int start, int maxDepth, Document empty) {
        if (message.length - start > MAX_BYTES || !plainBytes(message, start)) {
            return Optional.empty();
        }
        PlainXmlParser parser = new PlainXmlParser(message, start, maxDepth, empty);
        try {
            parser.document();
        } catch (OutsideSubset e) {
            return Optional.empty();
        }
        return Optional.of(empty);
    }

    /** ASCII, no control character but tab and line feed, no reference. */
    private static boolean plainBytes(byte[] m, int start) {
        for (int i = start; i < m.length; i++) {
            byte b = m[i];
            if (b < 0x20 && b != '\t' && b != '\n' || b == '&') {
                return false;
            }
        }
        return true;
    }

    private void document() throws OutsideSubset {
        if (startsWith("<?xml") && pos + 5 < end && isSpace(in[pos + 5])) {
            declaration();
        }
        skipSpace();
        if (!startsWith("<")) {
            throw OutsideSubset.INSTANCE;
        }
        element(doc, 1);
        skipSpace();
        if (pos != end) {
            throw OutsideSubset.INSTANCE;
        }
    }

    /** {@code <?xml version="1.0" [encoding="UTF-8"] [standalone="yes|no"]?>}. */
    private void declaration() throws OutsideSubset {
        pos += 5;
        pseudoAttribute("version", true, "1.0");
        pseudoAttribute("encoding", false, "UTF-8");
        pseudoAttribute("standalone", false, "yes", "no");
        skipSpace();
        expect('?');
        expect('>');
    }

    private void pseudoAttribute(String name, boolean required, String... values) throws OutsideSubset {
        int mark = pos;
        if (!skipSpace() || !startsWith(name)) {
            if (required) {
                throw OutsideSubset.INSTANCE;
            }
            pos = mark;
            return;
        }
        pos += name.length();
        skipSpace();
        expect('=');
        skipSpace();
        String value = quoted();
        for (String v : values) {
            if (v.equalsIgnoreCase(value)) {
                return;
            }
        }
        throw OutsideSubset.INSTANCE;
    }

    private void element(Node parent, int depth) throws OutsideSubset {
        if (depth > maxDepth) {
            throw OutsideSubset.INSTANCE;
        }
        pos++;
        String qname = name();
        List<String> names = new ArrayList<>(4);
        List<String> values = new ArrayList<>(4);
        boolean empty = attributes(names, values);
        int outerBindings = prefixes.size();
        for (int i = 0; i < names.size(); i++) {
            bind(names.get(i), values.get(i));
        }
        Element element = doc.createElementNS(namespaceOf(qname, true), qname);
        for (int i = 0; i < names.size(); i++) {
            String attribute = names.get(i);
            String ns = isDeclaration(attribute) ? XMLConstants.XMLNS_ATTRIBUTE_NS_URI : namespaceOf(attribute, false);
            element.setAttributeNS(ns, attribute, values.get(i));
        }
        if (element.getAttributes().getLength() != names.size()) {
            // Two attributes with one expanded name: the second replaced the first.
            throw OutsideSubset.INSTANCE;
        }
        parent.appendChild(element);
        if (!empty) {
            content(element, qname, depth);
        }
        prefixes.subList(outerBindings, prefixes.size()).clear();
        uris.subList(outerBindings, uris.size()).clear();
    }

    /** Reads the attributes up to {@code >} or {@code />}; true for an empty element. */
    private boolean attributes(List<String> names, List<String> values) throws OutsideSubset {
        while (true) {
            boolean spaced = skipSpace();
            if (pos >= end) {
                throw OutsideSubset.INSTANCE;
            }
            if (in[pos] == '>') {
                pos++;
                return false;
            }
            if (in[pos] == '/') {
                pos++;
                expect('>');
                return true;
            }
            if (!spaced || names.size() == MAX_ATTRIBUTES) {
                throw OutsideSubset.INSTANCE;
            }
            String name = name();
            if (names.contains(name)) {
                throw OutsideSubset.INSTANCE;
            }
            skipSpace();
            expect('=');
            skipSpace();
            names.add(name);
            values.add(quoted());
        }
    }

    private void content(Element element, String qname, int depth) throws OutsideSubset {
        while (true) {
            int textStart = pos;
            while (pos < end && in[pos] != '<') {
                if (in[pos] == '>' && pos - textStart >= 2 && in[pos - 1] == ']' && in[pos - 2] == ']') {
                    throw OutsideSubset.INSTANCE;
                }
                pos++;
            }
            if (pos >= end - 1) {
                throw OutsideSubset.INSTANCE;
            }
            if (pos > textStart) {
                element.appendChild(doc.createTextNode(new String(in, textStart, pos - textStart, ISO_8859_1)));
            }
            byte next = in[pos + 1];
            if (next == '/') {
                pos += 2;
                if (!name().equals(qname)) {
                    throw OutsideSubset.INSTANCE;
                }
                skipSpace();
                expect('>');
                return;
            }
            if (next == '!' || next == '?') {
                throw OutsideSubset.INSTANCE;
            }
            element(element, depth + 1);
        }
    }

    private static boolean isDeclaration(String attribute) {
        return attribute.equals("xmlns") || attribute.startsWith("xmlns:");
    }

    private void bind(String attribute, String uri) throws OutsideSubset {
        if (!isDeclaration(attribute)) {
            return;
        }
        String prefix = attribute.length() == 5 ? "" : attribute.substring(6);
        if (!prefix.isEmpty() && (uri.isEmpty() || reserved(prefix)) || prefixes.size() == MAX_BINDINGS
                || uri.equals(XMLConstants.XML_NS_URI) || uri.equals(XMLConstants.XMLNS_ATTRIBUTE_NS_URI)) {
            throw OutsideSubset.INSTANCE;
        }
        prefixes.add(prefix);
        uris.add(uri);
    }

    /**
     * The namespace of an element or attribute name; an unprefixed attribute has none, an
     * unprefixed element the default namespace.
     */
    private String namespaceOf(String qname, boolean isElement) throws OutsideSubset {
        int colon = qname.indexOf(':');
        if (colon < 0 && !isElement) {
            return null;
        }
        String prefix = colon < 0 ? "" : qname.substring(0, colon);
        if (reserved(prefix)) {
            throw OutsideSubset.INSTANCE;
        }
        for (int i = prefixes.size() - 1; i >= 0; i--) {
            if (prefixes.get(i).equals(prefix)) {
                String uri = uris.get(i);
                return uri.isEmpty() ? null : uri;
            }
        }
        if (!prefix.isEmpty()) {
            throw OutsideSubset.INSTANCE;
        }
        return null;
    }

    /** Prefixes beginning with "xml" are reserved; xml: and xmlns: are left to the JDK parser. */
    private static boolean reserved(String prefix) {
        return prefix.regionMatches(true, 0, "xml", 0, 3);
    }

    /** An ASCII name with at most one colon, not at either end (a QName). */
    private String name() throws OutsideSubset {
        int start = pos;
        int colon = -1;
        if (pos >= end || !isNameStart(in[pos])) {
            throw OutsideSubset.INSTANCE;
        }
        pos++;
        while (pos < end && (isNameStart(in[pos]) || in[pos] >= '0' && in[pos] <= '9' || in[pos] == '-'
                || in[pos] == '.' || in[pos] == ':')) {
            if (in[pos] == ':') {
                if (colon >= 0) {
                    throw OutsideSubset.INSTANCE;
                }
                colon = pos;
            }
            pos++;
        }
        if (colon == pos - 1 || colon >= 0 && !isNameStart(in[colon + 1])) {
            throw OutsideSubset.INSTANCE;
        }
        return new String(in, start, pos - start, ISO_8859_1);
    }

    private static boolean isNameStart(byte b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_';
    }

    /** A quoted attribute value, tabs and line feeds normalised to spaces as XML asks. */
    private String quoted() throws OutsideSubset {
        if (pos >= end || in[pos] != '"' && in[pos] != '\'') {
            throw OutsideSubset.INSTANCE;
        }
        byte quote = in[pos++];
        int start = pos;
        boolean normalise = false;
        while (pos < end && in[pos] != quote) {
            if (in[pos] == '<') {
                throw OutsideSubset.INSTANCE;
            }
            normalise |= in[pos] == '\t' || in[pos] == '\n';
            pos++;
        }
        if (pos >= end) {
            throw OutsideSubset.INSTANCE;
        }
        String value = new String(in, start, pos - start, ISO_8859_1);
        pos++;
        return normalise ? value.replace('\t', ' ').replace('\n', ' ') : value;
    }

    private boolean skipSpace() {
        int start = pos;
        while (pos < end && isSpace(in[pos])) {
            pos++;
        }
        return pos > start;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n';
    }

    private boolean startsWith(String s) {
        if (end - pos < s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (in[pos + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void expect(char c) throws OutsideSubset {
        if (pos >= end || in[pos] != c) {
            throw OutsideSubset.INSTANCE;
        }
        pos++;
    }
}
