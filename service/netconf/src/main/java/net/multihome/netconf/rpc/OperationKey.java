package net.multihome.netconf.rpc;

import java.util.Objects;
import org.w3c.dom.Element;

/** Identifies an RPC operation by the namespace and local name of its element. */
public record OperationKey(String namespace, String name) {
    public OperationKey {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("operation name must not be empty");
        }
    }

    /** The key of an operation element; a missing namespace becomes the empty string. */
    public static OperationKey of(Element operation) {
        String ns = operation.getNamespaceURI();
        return new OperationKey(ns == null ? "" : ns, operation.getLocalName());
    }

    public static OperationKey base(String name) {
        return new OperationKey(Namespaces.BASE, name);
    }
}
