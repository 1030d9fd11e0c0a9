package net.multihome.netconf.notify;

import java.util.Objects;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserMapNode;
import org.opendaylight.yangtools.yang.data.api.schema.builder.CollectionNodeBuilder;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

/**
 * Two versions of the {@code multihome} container cut down to what is not the same object (or
 * leaf value) in both, at every depth: a container or list entry both versions hold is kept (an entry with its
 * keys, which name it) with only its children that differ. An edit keeps every node it does not
 * touch as the same object, so the parts are small, and what they leave out is equal: comparing
 * the parts finds every difference of the whole.
 */
record ChangedParts(ContainerNode before, ContainerNode after) {

    static ChangedParts of(ContainerNode before, ContainerNode after) {
        return new ChangedParts((ContainerNode) changed(before, after), (ContainerNode) changed(after, before));
    }

    /**
     * {@code content} with only the children {@code other} does not hold as the same objects, in
     * their order, and an entry's keys. Kept even when nothing is left: {@code other} is cut the
     * same way and may keep children of its own, which must then be found under this node.
     */
    private static DataContainerNode changed(DataContainerNode content, DataContainerNode other) {
        var part = content instanceof MapEntryNode entry
                ? ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(entry.name())
                : ImmutableNodes.newContainerBuilder().withNodeIdentifier(((ContainerNode) content).name());
        for (DataContainerChild child : content.body()) {
            DataContainerChild counterpart = other.childByArg(child.name());
            if (same(child, counterpart) && !isKey(content, child)) {
                continue;
            }
            if (child instanceof MapNode list && counterpart instanceof MapNode otherList) {
                MapNode entries = changed(list, otherList);
                if (!entries.isEmpty()) {
                    part.withChild(entries);
                }
            } else if (child instanceof ContainerNode container && counterpart instanceof ContainerNode was) {
                part.withChild((ContainerNode) changed(container, was));
            } else {
                part.withChild(child);
            }
        }
        return (DataContainerNode) part.build();
    }

    private static MapNode changed(MapNode list, MapNode other) {
        CollectionNodeBuilder<MapEntryNode, ? extends MapNode> part = list instanceof UserMapNode
                ? ImmutableNodes.newUserMapBuilder().withNodeIdentifier(list.name())
                : ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(list.name());
        for (MapEntryNode entry : list.body()) {
            MapEntryNode counterpart = other.childByArg(entry.name());
            if (counterpart == null) {
                part.withChild(entry);
            } else if (counterpart != entry) {
                part.withChild((MapEntryNode) changed(entry, counterpart));
            }
        }
        return part.build();
    }

    /**
     * The same object, or leaves of equal values: yangtools keeps a list entry's or container's
     * leaves as bare values and wraps one in a new leaf node on each access.
     */
    private static boolean same(DataContainerChild child, DataContainerChild counterpart) {
        return counterpart == child || child instanceof LeafNode<?> leaf && counterpart instanceof LeafNode<?> was
                && Objects.deepEquals(leaf.body(), was.body());
    }

    private static boolean isKey(DataContainerNode content, DataContainerChild child) {
        return content instanceof MapEntryNode entry && child instanceof LeafNode<?>
                && entry.name().containsKey(child.name().getNodeType());
    }
}
