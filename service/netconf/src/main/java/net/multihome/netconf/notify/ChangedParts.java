package net.multihome.netconf.notify;

import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserMapNode;
import org.opendaylight.yangtools.yang.data.api.schema.builder.CollectionNodeBuilder;
import org.opendaylight.yangtools.yang.data.api.schema.builder.DataContainerNodeBuilder;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

/**
 * Two versions of the {@code multihome} container cut down to what is not the same object in
 * both: top-level nodes, and of a top-level list its entries. An edit keeps every node it does
 * not touch as the same object, so the parts are small, and what they leave out is equal:
 * comparing the parts finds every difference of the whole.
 */
record ChangedParts(ContainerNode before, ContainerNode after) {

    static ChangedParts of(ContainerNode before, ContainerNode after) {
        return new ChangedParts(changed(before, after), changed(after, before));
    }

    /** The nodes of {@code content} that {@code other} does not hold as the same objects, in their order. */
    private static ContainerNode changed(ContainerNode content, ContainerNode other) {
        DataContainerNodeBuilder<NodeIdentifier, ContainerNode> part =
                ImmutableNodes.newContainerBuilder().withNodeIdentifier(content.name());
        for (DataContainerChild child : content.body()) {
            DataContainerChild counterpart = other.childByArg(child.name());
            if (counterpart == child) {
                continue;
            }
            if (child instanceof MapNode list && counterpart instanceof MapNode otherList) {
                MapNode entries = changed(list, otherList);
                if (!entries.isEmpty()) {
                    part.withChild(entries);
                }
            } else {
                part.withChild(child);
            }
        }
        return part.build();
    }

    private static MapNode changed(MapNode list, MapNode other) {
        CollectionNodeBuilder<MapEntryNode, ? extends MapNode> part = list instanceof UserMapNode
                ? ImmutableNodes.newUserMapBuilder().withNodeIdentifier(list.name())
                : ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(list.name());
        for (MapEntryNode entry : list.body()) {
            if (other.childByArg(entry.name()) != entry) {
                part.withChild(entry);
            }
        }
        return part.build();
    }
}
