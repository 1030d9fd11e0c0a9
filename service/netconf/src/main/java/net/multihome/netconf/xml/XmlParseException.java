package net.multihome.netconf.xml;

/** The bytes of a message are not acceptable XML: not well-formed, too deep, too large, or they carry a DTD. */
public final class XmlParseException extends Exception {
    public XmlParseException(String message, Throwable cause) {
        super(message, cause);
    }

    public XmlParseException(String message) {
        super(message);
    }
}
