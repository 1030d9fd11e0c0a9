package net.multihome.netconf.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import net.multihome.core.yang.ConfigXml;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;

/**
 * The changes between two versions of {@code <multihome>}, found on the yangtools data itself,
 * in the order the walk of their XML renderings finds them: at each level the nodes the new
 * version holds, in its order (a choice's nodes where the choice is, as XML has them), then
 * those only the old one holds, in its order. A node that is the same object in both is
 * skipped whole: an edit keeps every node it does not touch, so a weight change visits one
 * provider entry and renders nothing but the changed leaf's path.
 */
final class NodeDiff {
    private final List<ConfigDiff.Change> out = new ArrayList<>();

    private NodeDiff() {
    }

    /** The changes, or empty when the data holds a kind of node this walk does not know. */
    static Optional<List<ConfigDiff.Change>> of(ContainerNode before, ContainerNode after) {
        NodeDiff diff = new NodeDiff();
        try {
            diff.walk(before, after, step(after.name()));
        } catch (UnknownNode e) {
            return Optional.empty();
        }
        return Optional.of(diff.out);
    }

    private void walk(DataContainerNode before, DataContainerNode after, String path) {
        added(before, after, path);
        removed(before, after, path);
    }

    /** What {@code after} holds: created, replaced, or changed inside. */
    private void added(DataContainerNode before, DataContainerNode holder, String path) {
        for (DataContainerChild child : holder.body()) {
            DataContainerChild was = find(before, child.name());
            if (was == child) {
                continue;
            }
            switch (child) {
                case ChoiceNode choice -> added(before, choice, path);
                case LeafNode<?> leaf -> {
                    if (was == null) {
                        out.add(new ConfigDiff.Change(path + step(leaf.name()), "create"));
                    } else if (!sameValue(leaf, (LeafNode<?>) was)) {
                        out.add(new ConfigDiff.Change(path + step(leaf.name()), "replace"));
                    }
                }
                case ContainerNode container -> {
                    if (was == null) {
                        out.add(new ConfigDiff.Change(path + step(container.name()), "create"));
                    } else {
                        walk((ContainerNode) was, container, path + step(container.name()));
                    }
                }
                case MapNode list -> {
                    for (MapEntryNode entry : list.body()) {
                        MapEntryNode old = was == null ? null : ((MapNode) was).childByArg(entry.name());
                        if (old == null) {
                            out.add(new ConfigDiff.Change(path + step(entry.name()), "create"));
                        } else if (old != entry) {
                            walk(old, entry, path + step(entry.name()));
                        }
                    }
                }
                case LeafSetNode<?> values -> {
                    for (LeafSetEntryNode<?> value : values.body()) {
                        if (was == null || ((LeafSetNode<?>) was).childByArg(value.name()) == null) {
                            out.add(new ConfigDiff.Change(path + valueStep(value), "create"));
                        }
                    }
                }
                default -> throw new UnknownNode();
            }
        }
    }

    /** What only {@code before} holds: deleted. */
    private void removed(DataContainerNode holder, DataContainerNode after, String path) {
        for (DataContainerChild child : holder.body()) {
            DataContainerChild now = find(after, child.name());
            if (now == child) {
                continue;
            }
            switch (child) {
                case ChoiceNode choice -> removed(choice, after, path);
                case LeafNode<?> leaf -> deletedIfGone(now, path + step(leaf.name()));
                case ContainerNode container -> deletedIfGone(now, path + step(container.name()));
                case MapNode list -> {
                    for (MapEntryNode entry : list.body()) {
                        if (now == null || ((MapNode) now).childByArg(entry.name()) == null) {
                            out.add(new ConfigDiff.Change(path + step(entry.name()), "delete"));
                        }
                    }
                }
                case LeafSetNode<?> values -> {
                    for (LeafSetEntryNode<?> value : values.body()) {
                        if (now == null || ((LeafSetNode<?>) now).childByArg(value.name()) == null) {
                            out.add(new ConfigDiff.Change(path + valueStep(value), "delete"));
                        }
                    }
                }
                default -> throw new UnknownNode();
            }
        }
    }

    private void deletedIfGone(DataContainerChild now, String path) {
        if (now == null) {
            out.add(new ConfigDiff.Change(path, "delete"));
        }
    }

    /** The child named {@code name}, also inside a choice: XML puts a case's nodes in the choice's parent. */
    private static DataContainerChild find(DataContainerNode node, NodeIdentifier name) {
        DataContainerChild direct = node.childByArg(name);
        if (direct != null) {
            return direct;
        }
        for (DataContainerChild child : node.body()) {
            if (child instanceof ChoiceNode choice) {
                DataContainerChild inside = find(choice, name);
                if (inside != null) {
                    return inside;
                }
            }
        }
        return null;
    }

    /** Equal values, or values that write as the same text (what the XML comparison saw). */
    private static boolean sameValue(LeafNode<?> leaf, LeafNode<?> was) {
        return Objects.deepEquals(leaf.body(), was.body())
                || ConfigXml.valueText(leaf.body()).strip().equals(ConfigXml.valueText(was.body()).strip());
    }

    /** {@code /mh:name}, with a list entry's keys as predicates. */
    private static String step(PathArgument name) {
        StringBuilder out = new StringBuilder("/mh:").append(name.getNodeType().getLocalName());
        if (name instanceof NodeIdentifierWithPredicates keys) {
            for (Map.Entry<QName, Object> key : keys.entrySet()) {
                out.append("[mh:").append(key.getKey().getLocalName()).append("='")
                        .append(ConfigXml.valueText(key.getValue()).strip()).append("']");
            }
        }
        return out.toString();
    }

    private static String valueStep(LeafSetEntryNode<?> value) {
        return step(value.name()) + "[.='" + ConfigXml.valueText(value.body()).strip() + "']";
    }

    /** A node kind the model's configuration does not use (an unkeyed list, anydata). */
    private static final class UnknownNode extends RuntimeException {
        UnknownNode() {
            super(null, null, false, false);
        }
    }
}
