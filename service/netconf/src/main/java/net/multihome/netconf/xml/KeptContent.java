package net.multihome.netconf.xml;

import java.util.List;
import org.w3c.dom.Node;

/**
 * Nodes that replies send again and again (the data of a polled datastore), with their text
 * written once, on first use: {@link XmlWriter} splices it in where the scope is the one it was
 * written in, the default namespace bound to {@code defaultNamespace} and nothing else, and
 * writes the nodes again anywhere else. The nodes must not change once kept.
 */
public final class KeptContent {
    private final List<Node> nodes;
    private final String defaultNamespace;
    private volatile String text;

    public KeptContent(List<? extends Node> nodes, String defaultNamespace) {
        this.nodes = List.copyOf(nodes);
        this.defaultNamespace = defaultNamespace;
    }

    public List<Node> nodes() {
        return nodes;
    }

    String defaultNamespace() {
        return defaultNamespace;
    }

    /** Written at most a few times if threads race here, always to the same text. */
    String text() {
        String written = text;
        if (written == null) {
            written = XmlWriter.written(nodes, defaultNamespace);
            text = written;
        }
        return written;
    }
}
