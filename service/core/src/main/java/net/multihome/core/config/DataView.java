package net.multihome.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import net.multihome.core.yang.YangSchema;

/**
 * Read access to one container or list entry of the datastore, with its instance path and
 * the error list of the read in progress. Values arrive already type-checked by yangtools
 * (ranges, patterns, enumerations); what this adds is presence, defaults and paths.
 */
final class DataView {

    /** Null for an absent container: every child is then absent and defaults apply. */
    private final DataContainerNode node;
    /** Made when first asked for: a read that finds nothing wrong asks for few. */
    private final Supplier<InstancePath> pathOf;
    private InstancePath path;
    private final List<ConfigError> errors;

    DataView(DataContainerNode node, InstancePath path, List<ConfigError> errors) {
        this(node, () -> path, errors);
    }

    private DataView(DataContainerNode node, Supplier<InstancePath> pathOf, List<ConfigError> errors) {
        this.node = node;
        this.pathOf = pathOf;
        this.errors = errors;
    }

    /** The container or list entry viewed; null for an absent container. */
    DataContainerNode node() {
        return node;
    }

    /** Where the violations of this read are collected. */
    List<ConfigError> errors() {
        return errors;
    }

    InstancePath path() {
        if (path == null) {
            path = pathOf.get();
        }
        return path;
    }

    InstancePath path(String child) {
        return path().child(child);
    }

    void error(String child, String message) {
        errors.add(new ConfigError(child == null ? path().text() : path(child).text(), message));
    }

    boolean has(String name) {
        return child(name).isPresent();
    }

    /** The leaf's value as text, or null when absent. */
    String text(String name) {
        return child(name).map(c -> c instanceof LeafNode<?> leaf ? leaf.body().toString() : null).orElse(null);
    }

    String text(String name, String fallback) {
        String value = text(name);
        return value == null ? fallback : value;
    }

    /** The leaf's value as text; a missing leaf is reported and gives null. */
    String required(String name) {
        String value = text(name);
        if (value == null) {
            error(name, "'" + name + "' is required");
        }
        return value;
    }

    long number(String name, long fallback) {
        String value = text(name);
        return value == null ? fallback : Long.parseLong(value);
    }

    boolean bool(String name, boolean fallback) {
        String value = text(name);
        return value == null ? fallback : Boolean.parseBoolean(value);
    }

    /** An enumeration leaf mapped to a Java enum: {@code load-balance} to {@code LOAD_BALANCE}. */
    <E extends Enum<E>> E enumeration(String name, Class<E> type, E fallback) {
        String value = text(name);
        return value == null ? fallback : Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    List<String> leafList(String name) {
        List<String> out = new ArrayList<>();
        child(name).ifPresent(c -> {
            if (c instanceof LeafSetNode<?> set) {
                for (LeafSetEntryNode<?> entry : set.body()) {
                    out.add(entry.body().toString());
                }
            }
        });
        return out;
    }

    /** A container, or an empty view when absent (so its defaults apply). */
    DataView container(String name) {
        return containerIfPresent(name).orElseGet(() -> new DataView(null, () -> path(name), errors));
    }

    Optional<DataView> containerIfPresent(String name) {
        return child(name).filter(DataContainerNode.class::isInstance)
                .map(c -> new DataView((DataContainerNode) c, () -> path(name), errors));
    }

    /** Cases of a choice are reached through the choice node, which has no path step of its own. */
    DataView choice(String name) {
        return child(name).filter(ChoiceNode.class::isInstance)
                .map(c -> new DataView((ChoiceNode) c, this::path, errors))
                .orElseGet(() -> new DataView(null, this::path, errors));
    }

    /** The entries of a list, each with its key in the path. */
    List<DataView> list(String name, String key) {
        List<DataView> out = new ArrayList<>();
        QName keyName = YangSchema.qname(key);
        child(name).ifPresent(c -> {
            if (c instanceof MapNode map) {
                for (MapEntryNode entry : map.body()) {
                    out.add(new DataView(entry, () -> path().entry(name, key,
                            String.valueOf(entry.name().getValue(keyName))), errors));
                }
            }
        });
        return out;
    }


    private Optional<DataContainerChild> child(String name) {
        if (node == null) {
            return Optional.empty();
        }
        QName qname = YangSchema.qname(name);
        return Optional.ofNullable(node.childByArg(new NodeIdentifier(qname)));
    }

}
