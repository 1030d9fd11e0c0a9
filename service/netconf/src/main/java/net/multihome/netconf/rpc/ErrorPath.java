package net.multihome.netconf.rpc;

import java.util.Map;
import java.util.Objects;

/**
 * An {@code <error-path>} XPath with the namespaces its prefixes stand for; the reply declares
 * every prefix on the error-path element so the client can resolve them.
 */
public record ErrorPath(String xpath, Map<String, String> prefixes) {
    public ErrorPath {
        Objects.requireNonNull(xpath, "xpath");
        prefixes = Map.copyOf(prefixes);
        prefixes.forEach((prefix, ns) -> {
            if (prefix.isEmpty() || prefix.contains(":") || ns.isEmpty()) {
                throw new IllegalArgumentException("bad namespace binding " + prefix + " -> " + ns);
            }
        });
    }

    public static ErrorPath of(String xpath, Map<String, String> prefixes) {
        return new ErrorPath(xpath, prefixes);
    }
}
