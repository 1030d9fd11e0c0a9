package net.multihome.netconf.datastore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.rpc.Namespaces;
import net.multihome.netconf.xml.Dom;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.w3c.dom.Element;

/**
 * The parts of the {@code multihome} container an edit-config can touch: top-level nodes it
 * names (containers, leaves) and, of top-level lists, the entries it names by key text. An
 * edit can change nothing outside its scope, since every operation acts on the node it is on
 * (an edit of a node in a top-level choice, which would remove the other cases, has no scope).
 *
 * @param nodes top-level nodes other than lists, by local name
 * @param entries per top-level list (local name), the key texts of the entries named
 */
record EditScope(Set<String> nodes, Map<String, ListScope> entries) {

    /** The entries of one list named by an edit: each as its key leaves' texts, in key order. */
    record ListScope(List<String> keys, Set<List<String>> named) {

        boolean names(MapEntryNode entry) {
            return named.contains(keyTexts(entry));
        }

        /** The key as it renders in XML, as the whole-document edit compares it. */
        List<String> keyTexts(MapEntryNode entry) {
            List<String> texts = new ArrayList<>(keys.size());
            for (String key : keys) {
                texts.add(String.valueOf(entry.name().getValue(YangSchema.qname(key))));
            }
            return texts;
        }
    }

    /**
     * The scope of an edit, or empty when it acts on the {@code multihome} container itself
     * (an operation there, or a default operation other than merge or none) or holds anything
     * {@link ConfigEdit} would refuse: such edits are left to the whole-document edit.
     */
    static Optional<EditScope> of(Element config, EditOperation defaultOperation, SchemaTree schema) {
        if (defaultOperation != EditOperation.MERGE && defaultOperation != EditOperation.NONE) {
            return Optional.empty();
        }
        Set<String> nodes = new LinkedHashSet<>();
        Map<String, ListScope> entries = new LinkedHashMap<>();
        DataSchemaNode root = schema.root();
        for (Element multihome : Dom.children(config)) {
            if (!Dom.is(multihome, YangSchema.NAMESPACE, YangSchema.MODULE)
                    || multihome.getAttributeNodeNS(Namespaces.BASE, "operation") != null) {
                return Optional.empty();
            }
            for (Element child : Dom.children(multihome)) {
                Optional<DataSchemaNode> node = schema.child(root, child);
                // A node in a case of a choice removes the other cases' nodes: outside the scope.
                if (node.isEmpty() || !node.get().isConfiguration()
                        || !SchemaTree.otherCases(root, child.getLocalName()).isEmpty()) {
                    return Optional.empty();
                }
                if (node.get() instanceof ListSchemaNode) {
                    List<String> keys = SchemaTree.keys(node.get());
                    List<String> texts = new ArrayList<>();
                    for (String key : keys) {
                        Optional<Element> leaf = Dom.child(child, YangSchema.NAMESPACE, key);
                        if (leaf.isEmpty()) {
                            return Optional.empty();
                        }
                        texts.add(Dom.text(leaf.get()));
                    }
                    entries.computeIfAbsent(child.getLocalName(), n -> new ListScope(keys, new LinkedHashSet<>()))
                            .named().add(texts);
                } else {
                    nodes.add(child.getLocalName());
                }
            }
        }
        return Optional.of(new EditScope(nodes, entries));
    }

    /** What of {@code content} lies in this scope, as a {@code multihome} container of its own. */
    ContainerNode part(ContainerNode content) {
        var part = ImmutableNodes.newContainerBuilder().withNodeIdentifier(content.name());
        for (String name : nodes) {
            DataContainerChild child = content.childByArg(id(name));
            if (child != null) {
                part.withChild(child);
            }
        }
        entries.forEach((name, scope) -> {
            if (content.childByArg(id(name)) instanceof MapNode map) {
                var named = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(map.name());
                for (MapEntryNode entry : map.body()) {
                    if (scope.names(entry)) {
                        named.withChild(entry);
                    }
                }
                MapNode kept = named.build();
                if (!kept.isEmpty()) {
                    part.withChild(kept);
                }
            }
        });
        return part.build();
    }

    static NodeIdentifier id(String localName) {
        return new NodeIdentifier(YangSchema.qname(localName));
    }
}
