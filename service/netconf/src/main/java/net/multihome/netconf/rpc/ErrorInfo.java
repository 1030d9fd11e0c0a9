package net.multihome.netconf.rpc;

import java.util.Objects;

/**
 * One child of {@code <error-info>}: an element with text content. The factories cover the
 * RFC 6241 Appendix A items; other modules may supply their own namespace.
 */
public record ErrorInfo(String namespace, String name, String value) {
    public ErrorInfo {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("error-info element name must not be empty");
        }
    }

    public static ErrorInfo sessionId(long sessionId) {
        return new ErrorInfo(Namespaces.BASE, "session-id", Long.toString(sessionId));
    }

    public static ErrorInfo badAttribute(String attribute) {
        return new ErrorInfo(Namespaces.BASE, "bad-attribute", attribute);
    }

    public static ErrorInfo badElement(String element) {
        return new ErrorInfo(Namespaces.BASE, "bad-element", element);
    }

    public static ErrorInfo badNamespace(String namespace) {
        return new ErrorInfo(Namespaces.BASE, "bad-namespace", namespace);
    }

    public static ErrorInfo okElement(String element) {
        return new ErrorInfo(Namespaces.BASE, "ok-element", element);
    }

    public static ErrorInfo errElement(String element) {
        return new ErrorInfo(Namespaces.BASE, "err-element", element);
    }

    public static ErrorInfo noopElement(String element) {
        return new ErrorInfo(Namespaces.BASE, "noop-element", element);
    }
}
