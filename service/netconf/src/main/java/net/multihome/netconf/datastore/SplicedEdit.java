package net.multihome.netconf.datastore;

import java.util.Optional;
import net.multihome.core.config.InvalidConfigException;
import net.multihome.core.store.StoreException;
import net.multihome.netconf.xml.Dom;
import net.multihome.netconf.xml.XmlDocuments;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.SystemMapNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An edit-config that costs what it touches. A plain merge is done on the data itself
 * ({@link MergedEdit}). Otherwise only the part of the datastore in the edit's
 * {@link EditScope} is rendered to XML; {@link ConfigEdit} edits it there as it would the whole
 * document, it is parsed back, and the result replaces that part of the datastore's container,
 * whose other nodes and entries stay the same objects (so caches keyed by them still hold).
 *
 * <p>Edits it cannot splice go to the {@link WholeDocumentEdit}: those outside a scope (on the
 * container itself), and every refused one, so refusals carry exactly the reference's messages
 * and paths (a refused value's path is searched for in the whole document). The entries of a
 * list are ordered by the system (a hash map in yangtools), in either edit.
 */
final class SplicedEdit {
    private final ConfigCodec codec;
    private final SchemaTree schema;
    private final ConfigEdit edits;
    private final WholeDocumentEdit whole;
    private final MergedEdit merges;

    /** The outcome of a splice; content null for an empty datastore. */
    private record Spliced(ContainerNode content) {
    }

    SplicedEdit(ConfigCodec codec, SchemaTree schema) {
        this.codec = codec;
        this.schema = schema;
        this.edits = new ConfigEdit(schema);
        this.whole = new WholeDocumentEdit(codec, schema);
        this.merges = new MergedEdit(codec, schema);
    }

    /** The content after the edit, checked for structure and types (null when empty). */
    ContainerNode apply(ContainerNode current, Element config, EditOperation defaultOperation)
            throws DatastoreException, StoreException {
        Optional<MergedEdit.Merged> merged = merges.apply(current, config, defaultOperation);
        if (merged.isPresent()) {
            return merged.get().content();
        }
        Optional<EditScope> scope = EditScope.of(config, defaultOperation, schema);
        Optional<Spliced> spliced = scope.isEmpty() ? Optional.empty()
                : splice(current, config, defaultOperation, scope.get());
        if (spliced.isPresent()) {
            return spliced.get().content();
        }
        return whole.apply(current, config, defaultOperation);
    }

    private Optional<Spliced> splice(ContainerNode current, Element config, EditOperation defaultOperation,
                                     EditScope scope) {
        Document scratch = XmlDocuments.newDocument();
        Element holder = scratch.createElementNS(null, "holder");
        scratch.appendChild(holder);
        ContainerNode part = current == null ? null : scope.part(current);
        if (part != null) {
            holder.appendChild(codec.renderPart(part, scratch));
        }
        ContainerNode edited;
        try {
            edits.apply(holder, config, defaultOperation);
            edited = codec.parse(Dom.children(holder).stream().findFirst().orElse(null));
        } catch (DatastoreException | InvalidConfigException refused) {
            return Optional.empty();
        }
        if (current == null) {
            // Nothing was there: the edited part is the whole new content.
            return Optional.of(new Spliced(edited));
        }
        return put(current, part, scope, edited);
    }

    /** {@code current} with its part in {@code scope} replaced by {@code edited} (null: nothing). */
    private static Optional<Spliced> put(ContainerNode current, ContainerNode part, EditScope scope,
                                         ContainerNode edited) {
        var out = ImmutableNodes.builderFactory().newContainerBuilder(current);
        for (String name : scope.nodes()) {
            NodeIdentifier id = EditScope.id(name);
            DataContainerChild now = edited == null ? null : edited.childByArg(id);
            if (now == null) {
                out.withoutChild(id);
            } else {
                out.withChild(now);
            }
        }
        for (var named : scope.entries().entrySet()) {
            NodeIdentifier id = EditScope.id(named.getKey());
            DataContainerChild old = current.childByArg(id);
            MapNode now = map(edited, id);
            if (old != null && !(old instanceof SystemMapNode) || !fits(map(part, id), now, (MapNode) old)) {
                return Optional.empty();
            }
            var entries = old == null ? ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(id)
                    : ImmutableNodes.builderFactory().newSystemMapBuilder((SystemMapNode) old);
            map(part, id).body().forEach(entry -> entries.withoutChild(entry.name()));
            now.body().forEach(entries::withChild);
            MapNode next = entries.build();
            if (next.isEmpty()) {
                out.withoutChild(id);
            } else {
                out.withChild(next);
            }
        }
        ContainerNode result = out.build();
        return Optional.of(new Spliced(result.body().isEmpty() ? null : result));
    }

    /**
     * Whether every entry after the edit was one of the part or is new to the list. Not so when
     * an edit names an entry by a key written otherwise than it renders ({@code 010} for
     * {@code 10}): the whole document would then hold both, and that edit decides what it makes of it.
     */
    private static boolean fits(MapNode part, MapNode now, MapNode old) {
        for (MapEntryNode entry : now.body()) {
            if (old != null && old.childByArg(entry.name()) != null && part.childByArg(entry.name()) == null) {
                return false;
            }
        }
        return true;
    }

    private static MapNode map(ContainerNode content, NodeIdentifier id) {
        return content != null && content.childByArg(id) instanceof MapNode map ? map
                : ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(id).build();
    }
}
