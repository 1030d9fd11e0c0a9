package net.multihome.netconf.datastore;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import net.multihome.core.config.InvalidConfigException;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.xml.Dom;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.SystemMapNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * The common edit-config, a plain merge (RFC 6241 7.2: no {@code operation} attribute, default
 * operation merge), done on the yangtools data without any XML: the edit's {@code <multihome>}
 * is parsed on its own, which checks its structure and types, and merged node by node into the
 * datastore's content. Leaves replace, containers and list entries (by key) merge; nodes the
 * edit does not name stay the same objects, and so does a leaf set to the value it has.
 *
 * <p>Anything else is left to {@link SplicedEdit}: other operations, any attribute, a refused
 * value (so refusals carry the reference's messages and paths), choices, leaf-lists,
 * user-ordered lists, an entry named twice, or named by a key written otherwise than it
 * renders ({@code 010} for {@code 10}, which the whole-document edit takes for another entry).
 */
final class MergedEdit {
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    private final ConfigCodec codec;
    private final SchemaTree schema;

    MergedEdit(ConfigCodec codec, SchemaTree schema) {
        this.codec = codec;
        this.schema = schema;
    }

    /** The content after the edit (null when empty), or empty when the edit is not a plain merge. */
    Optional<Merged> apply(ContainerNode current, Element config, EditOperation defaultOperation) {
        if (defaultOperation != EditOperation.MERGE) {
            return Optional.empty();
        }
        List<Element> children = Dom.children(config);
        if (children.size() != 1 || !Dom.is(children.getFirst(), YangSchema.NAMESPACE, YangSchema.MODULE)) {
            return Optional.empty();
        }
        Element multihome = children.getFirst();
        Set<String> named = new HashSet<>();
        if (!plain(multihome, schema.root(), "", named)) {
            return Optional.empty();
        }
        ContainerNode edit;
        try {
            edit = codec.parse(multihome);
        } catch (InvalidConfigException refused) {
            return Optional.empty();
        }
        if (edit == null) {
            return Optional.of(new Merged(current));
        }
        Set<String> parsed = new HashSet<>();
        ContainerNode merged = current == null ? named(edit, "", parsed)
                : (ContainerNode) merge(current, edit, "", parsed);
        return merged != null && parsed.equals(named) ? Optional.of(new Merged(merged)) : Optional.empty();
    }

    /** The outcome of a merge; content null for an empty datastore. */
    record Merged(ContainerNode content) {
    }

    /**
     * Whether {@code element} and its descendants carry no attribute but namespace declarations
     * and name no list entry twice; collects each entry's list path and key texts into {@code named}.
     */
    private boolean plain(Element element, DataSchemaNode node, String path, Set<String> named) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            if (!XMLNS.equals(((Attr) attributes.item(i)).getNamespaceURI())) {
                return false;
            }
        }
        for (Element child : Dom.children(element)) {
            Optional<DataSchemaNode> childNode = schema.child(node, child);
            if (childNode.isEmpty()) {
                // Unknown: the parse refuses it, and the fallback names it.
                continue;
            }
            String childPath = path + "/" + child.getLocalName();
            if (childNode.get() instanceof ListSchemaNode list) {
                StringBuilder entry = new StringBuilder(childPath);
                for (String key : SchemaTree.keys(list)) {
                    Optional<Element> leaf = Dom.child(child, YangSchema.NAMESPACE, key);
                    if (leaf.isEmpty()) {
                        return false;
                    }
                    entry.append('\0').append(Dom.text(leaf.get()));
                }
                if (!named.add(entry.toString())) {
                    return false;
                }
                childPath = entry.toString();
            }
            if (!plain(child, childNode.get(), childPath, named)) {
                return false;
            }
        }
        return true;
    }

    /** {@code edit} merged into {@code base}, or null for a node this merge does not handle. */
    private static DataContainerNode merge(DataContainerNode base, DataContainerNode edit, String path,
                                           Set<String> parsed) {
        var out = base instanceof ContainerNode container
                ? ImmutableNodes.builderFactory().newContainerBuilder(container)
                : ImmutableNodes.builderFactory().newMapEntryBuilder((MapEntryNode) base);
        boolean changed = false;
        for (DataContainerChild child : edit.body()) {
            DataContainerChild old = base.childByArg(child.name());
            String childPath = path + "/" + child.name().getNodeType().getLocalName();
            DataContainerChild next;
            if (child instanceof LeafNode<?> leaf) {
                next = old instanceof LeafNode<?> was && Objects.deepEquals(was.body(), leaf.body()) ? old : leaf;
            } else if (child instanceof ContainerNode container) {
                next = old instanceof ContainerNode was ? (ContainerNode) merge(was, container, childPath, parsed)
                        : named(container, childPath, parsed);
            } else if (child instanceof SystemMapNode list) {
                next = merge(old instanceof SystemMapNode was ? was : null, list, childPath, parsed);
            } else {
                return null;
            }
            if (next == null) {
                return null;
            }
            if (next != old) {
                out.withChild(next);
                changed = true;
            }
        }
        return changed ? (DataContainerNode) out.build() : base;
    }

    private static SystemMapNode merge(SystemMapNode base, SystemMapNode edit, String path, Set<String> parsed) {
        var out = base == null ? ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(edit.name())
                : ImmutableNodes.builderFactory().newSystemMapBuilder(base);
        boolean changed = false;
        for (MapEntryNode entry : edit.body()) {
            String entryPath = path + keyTexts(entry);
            parsed.add(entryPath);
            MapEntryNode old = base == null ? null : base.childByArg(entry.name());
            MapEntryNode next = old == null ? named(entry, entryPath, parsed)
                    : (MapEntryNode) merge(old, entry, entryPath, parsed);
            if (next == null) {
                return null;
            }
            if (next != old) {
                out.withChild(next);
                changed = true;
            }
        }
        return changed ? out.build() : base;
    }

    /**
     * A node new to the datastore, taken whole: its entries' paths are collected for the key
     * check, and it is refused (null) if it holds what this merge does not handle.
     */
    private static <T extends DataContainerNode> T named(T node, String path, Set<String> parsed) {
        for (DataContainerChild child : node.body()) {
            String childPath = path + "/" + child.name().getNodeType().getLocalName();
            if (child instanceof ContainerNode container) {
                if (named(container, childPath, parsed) == null) {
                    return null;
                }
            } else if (child instanceof SystemMapNode list) {
                for (MapEntryNode entry : list.body()) {
                    String entryPath = childPath + keyTexts(entry);
                    parsed.add(entryPath);
                    if (named(entry, entryPath, parsed) == null) {
                        return null;
                    }
                }
            } else if (!(child instanceof LeafNode<?>)) {
                return null;
            }
        }
        return node;
    }

    /** The entry's key values as the XML shows them, each after a NUL, in key order. */
    private static String keyTexts(MapEntryNode entry) {
        StringBuilder out = new StringBuilder();
        entry.name().values().forEach(value -> out.append('\0').append(value));
        return out.toString();
    }
}
