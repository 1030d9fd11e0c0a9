package net.multihome.core.sync;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import net.multihome.core.yang.YangSchema;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.SystemMapNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

/**
 * The shared part of a configuration (everything but its {@code mh:node-local} nodes), its
 * merge with a receiver's own nodes, and the sync epoch leaf. Pure functions of the content;
 * null stands for the empty configuration, as in the store.
 */
public final class SharedConfig {
    private static final NodeIdentifier REDUNDANCY = id("redundancy");
    private static final NodeIdentifier CONFIG_SYNC = id("config-sync");
    private static final NodeIdentifier EPOCH = id("epoch");
    private static final NodeIdentifier ENABLED = id("enabled");

    private final NodeLocalMarks marks;

    public SharedConfig(NodeLocalMarks marks) {
        this.marks = Objects.requireNonNull(marks, "marks");
    }

    /** {@code config} without its node-local nodes. */
    public ContainerNode shared(ContainerNode config) {
        return config == null ? null : (ContainerNode) merge(config, null, marks);
    }

    /**
     * The configuration a receiver runs when {@code pushed} arrives: the pushed shared nodes and
     * the receiver's own node-local nodes from {@code own} (where their parents are in both).
     */
    public ContainerNode merge(ContainerNode pushed, ContainerNode own) {
        return pushed == null ? null : (ContainerNode) merge(pushed, own, marks);
    }

    /** Whether the two configurations are equal once node-local nodes are removed. */
    public boolean equalShared(ContainerNode a, ContainerNode b) {
        return Objects.equals(shared(a), shared(b));
    }

    /** Whether the two differ in anything shared but the epoch. */
    public boolean sharedChange(ContainerNode before, ContainerNode next) {
        return !equalShared(withEpoch(before, 0), withEpoch(next, 0));
    }

    /**
     * {@code next} with the epoch it runs at after {@code before}: one above before's when the
     * shared part changed, before's otherwise, whatever epoch {@code next} held (a rollback
     * point or a startup file holds an older one, but is a newer change of the pair).
     */
    public ContainerNode withNextEpoch(ContainerNode before, ContainerNode next) {
        long epoch = epoch(before);
        return withEpoch(next, sharedChange(before, next) ? epoch + 1 : epoch);
    }

    /** The epoch leaf's value; 0 when absent. */
    public static long epoch(ContainerNode config) {
        return configSync(config)
                .flatMap(sync -> Optional.ofNullable(sync.childByArg(EPOCH)))
                .map(leaf -> ((Uint64) ((LeafNode<?>) leaf).body()).longValue())
                .orElse(0L);
    }

    /**
     * {@code config} with the epoch leaf set to {@code epoch}; unchanged when it has no
     * {@code redundancy} container (no pair, nothing to sync).
     */
    public static ContainerNode withEpoch(ContainerNode config, long epoch) {
        if (config == null || !(config.childByArg(REDUNDANCY) instanceof ContainerNode redundancy)) {
            return config;
        }
        ContainerNode sync = redundancy.childByArg(CONFIG_SYNC) instanceof ContainerNode c
                ? c : ImmutableNodes.newContainerBuilder().withNodeIdentifier(CONFIG_SYNC).build();
        ContainerNode newSync = ImmutableNodes.newContainerBuilder().withNodeIdentifier(CONFIG_SYNC)
                .withValue(sync.body()).withChild(ImmutableNodes.leafNode(EPOCH, Uint64.fromLongBits(epoch))).build();
        ContainerNode newRedundancy = ImmutableNodes.newContainerBuilder().withNodeIdentifier(REDUNDANCY)
                .withValue(redundancy.body()).withChild(newSync).build();
        return ImmutableNodes.newContainerBuilder().withNodeIdentifier(config.name())
                .withValue(config.body()).withChild(newRedundancy).build();
    }

    /** Whether {@code redundancy/config-sync/enabled} is true. */
    public static boolean syncEnabled(ContainerNode config) {
        return configSync(config)
                .flatMap(sync -> Optional.ofNullable(sync.childByArg(ENABLED)))
                .map(leaf -> Boolean.TRUE.equals(((LeafNode<?>) leaf).body()))
                .orElse(false);
    }

    private static Optional<ContainerNode> configSync(ContainerNode config) {
        if (config != null && config.childByArg(REDUNDANCY) instanceof ContainerNode redundancy
                && redundancy.childByArg(CONFIG_SYNC) instanceof ContainerNode sync) {
            return Optional.of(sync);
        }
        return Optional.empty();
    }

    /** {@code pushed}'s shared children with {@code own}'s node-local ones; own null: none. */
    private static DataContainerNode merge(DataContainerNode pushed, DataContainerNode own, NodeLocalMarks marks) {
        Map<PathArgument, DataContainerChild> children = new LinkedHashMap<>();
        for (DataContainerChild child : pushed.body()) {
            QName name = child.name().getNodeType();
            Optional<NodeLocalMarks> below = marks.child(name);
            if (below.isEmpty()) {
                children.put(child.name(), child);
            } else if (!below.get().local()) {
                children.put(child.name(), mergeChild(child, own == null ? null : own.childByArg(child.name()), below.get()));
            }
        }
        if (own != null) {
            for (DataContainerChild child : own.body()) {
                if (marks.child(child.name().getNodeType()).map(NodeLocalMarks::local).orElse(false)) {
                    children.put(child.name(), child);
                }
            }
        }
        return build(pushed, children.values());
    }

    private static DataContainerChild mergeChild(DataContainerChild pushed, DataContainerChild own,
            NodeLocalMarks marks) {
        return switch (pushed) {
            case ContainerNode c -> (DataContainerChild) merge(c, own instanceof ContainerNode o ? o : null, marks);
            case ChoiceNode c -> (DataContainerChild) merge(c, own instanceof ChoiceNode o ? o : null, marks);
            case MapNode map -> {
                var entries = map instanceof SystemMapNode
                        ? ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(map.name())
                        : ImmutableNodes.newUserMapBuilder().withNodeIdentifier(map.name());
                for (MapEntryNode entry : map.body()) {
                    MapEntryNode mine = own instanceof MapNode o ? o.childByArg(entry.name()) : null;
                    entries.withChild((MapEntryNode) merge(entry, mine, marks));
                }
                yield entries.build();
            }
            default -> pushed;
        };
    }

    private static DataContainerNode build(DataContainerNode like, Collection<DataContainerChild> children) {
        return switch (like) {
            case ContainerNode c -> ImmutableNodes.newContainerBuilder().withNodeIdentifier(c.name())
                    .withValue(children).build();
            case ChoiceNode c -> ImmutableNodes.newChoiceBuilder().withNodeIdentifier(c.name())
                    .withValue(children).build();
            case MapEntryNode e -> ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(e.name())
                    .withValue(children).build();
            default -> throw new IllegalArgumentException("not a data container: " + like.name());
        };
    }

    private static NodeIdentifier id(String localName) {
        return new NodeIdentifier(YangSchema.qname(localName));
    }
}
