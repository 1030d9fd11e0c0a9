package net.multihome.core.yang;

/** XML that cannot be accepted: not well-formed, a DTD, or not the expected document. */
public final class XmlInputException extends Exception {

    public XmlInputException(String message) {
        super(message);
    }

    public XmlInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
