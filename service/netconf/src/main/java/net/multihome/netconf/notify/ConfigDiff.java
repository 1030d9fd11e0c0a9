package net.multihome.netconf.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.multihome.netconf.datastore.ConfigCodec;
import net.multihome.netconf.datastore.SchemaTree;
import net.multihome.netconf.xml.Dom;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.w3c.dom.Element;

/**
 * The instance paths that differ between two versions of {@code <multihome>}, for the edit
 * list of netconf-config-change: a node only in the new version was created, only in the old
 * one deleted, a leaf with another value replaced.
 */
final class ConfigDiff {
    /** One changed node. */
    record Change(String path, String operation) {
    }

    private final SchemaTree schema;
    private final ConfigCodec codec;

    ConfigDiff(SchemaTree schema, ConfigCodec codec) {
        this.schema = schema;
        this.codec = codec;
    }

    /**
     * The changes from {@code before} to {@code after} (null: empty), found on the data
     * ({@link NodeDiff}); an empty side, or data the walk does not know, is rendered whole and
     * compared as XML.
     */
    List<Change> diff(ContainerNode before, ContainerNode after) {
        if (before == after) {
            return new ArrayList<>();
        }
        if (before != null && after != null) {
            Optional<List<Change>> found = NodeDiff.of(before, after);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return diff(codec.shared(before), codec.shared(after));
    }

    List<Change> diff(Element before, Element after) {
        List<Change> out = new ArrayList<>();
        if (before == null && after == null) {
            return out;
        }
        if (before == null || after == null) {
            Element present = before == null ? after : before;
            out.add(new Change(SchemaTree.step(present, schema.root()), before == null ? "create" : "delete"));
            return out;
        }
        walk(before, after, schema.root(), SchemaTree.step(after, schema.root()), out);
        return out;
    }

    private void walk(Element before, Element after, DataSchemaNode node, String path, List<Change> out) {
        Map<String, Element> old = index(before, node);
        Map<String, Element> now = index(after, node);
        for (var entry : now.entrySet()) {
            Element was = old.get(entry.getKey());
            String childPath = path + entry.getKey();
            if (was == null) {
                out.add(new Change(childPath, "create"));
                continue;
            }
            Optional<DataSchemaNode> childNode = schema.child(node, entry.getValue());
            if (childNode.isEmpty()) {
                continue;
            }
            if (childNode.get() instanceof LeafSchemaNode) {
                if (!Dom.text(was).equals(Dom.text(entry.getValue()))) {
                    out.add(new Change(childPath, "replace"));
                }
            } else if (!SchemaTree.isLeafy(childNode.get())) {
                walk(was, entry.getValue(), childNode.get(), childPath, out);
            }
        }
        for (String key : old.keySet()) {
            if (!now.containsKey(key)) {
                out.add(new Change(path + key, "delete"));
            }
        }
    }

    private Map<String, Element> index(Element parent, DataSchemaNode node) {
        Map<String, Element> out = new LinkedHashMap<>();
        for (Element child : Dom.children(parent)) {
            schema.child(node, child).ifPresent(n -> out.put(SchemaTree.step(child, n), child));
        }
        return out;
    }
}
