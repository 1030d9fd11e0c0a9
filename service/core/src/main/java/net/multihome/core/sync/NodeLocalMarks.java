package net.multihome.core.sync;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import net.multihome.core.yang.YangSchema;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveStatementEquivalent;
import org.opendaylight.yangtools.yang.model.api.meta.DeclaredStatement;
import org.opendaylight.yangtools.yang.model.api.meta.EffectiveStatement;

/**
 * Where the model's {@code mh:node-local} nodes are, as a tree shaped like the data: a node of
 * the tree is either node-local itself or has node-local nodes somewhere below. Lists and
 * choices are transparent as in yangtools' data (a list's entries share the list's marks, a
 * choice's cases are merged into the choice).
 */
public final class NodeLocalMarks {
    public static final String EXTENSION = "node-local";

    private final boolean local;
    private final Map<QName, NodeLocalMarks> below;

    private NodeLocalMarks(boolean local, Map<QName, NodeLocalMarks> below) {
        this.local = local;
        this.below = Map.copyOf(below);
    }

    /** The marks under the {@code multihome} container of {@code schema}. */
    public static NodeLocalMarks of(YangSchema schema) {
        DataSchemaNode root = schema.context().findDataChildByName(YangSchema.qname(YangSchema.MODULE)).orElseThrow();
        return of(root).orElseGet(() -> new NodeLocalMarks(false, Map.of()));
    }

    private static Optional<NodeLocalMarks> of(DataSchemaNode node) {
        if (marked(node)) {
            return Optional.of(new NodeLocalMarks(true, Map.of()));
        }
        Map<QName, NodeLocalMarks> below = new HashMap<>();
        collect(node, below);
        return below.isEmpty() ? Optional.empty() : Optional.of(new NodeLocalMarks(false, below));
    }

    private static void collect(DataSchemaNode node, Map<QName, NodeLocalMarks> into) {
        if (node instanceof DataNodeContainer container) {
            for (DataSchemaNode child : container.getChildNodes()) {
                of(child).ifPresent(marks -> into.put(child.getQName(), marks));
            }
        } else if (node instanceof ChoiceSchemaNode choice) {
            for (CaseSchemaNode c : choice.getCases()) {
                collect(c, into);
            }
        }
    }

    private static boolean marked(DataSchemaNode node) {
        if (!(node instanceof EffectiveStatementEquivalent<?> equivalent)) {
            return false;
        }
        // An extension yangtools has no parser for stays in the declared statements only.
        DeclaredStatement<?> declared = ((EffectiveStatement<?, ?>) equivalent.asEffectiveStatement()).getDeclared();
        if (declared == null) {
            return false;
        }
        for (DeclaredStatement<?> statement : declared.declaredSubstatements()) {
            QName name = statement.statementDefinition().getStatementName();
            if (EXTENSION.equals(name.getLocalName()) && YangSchema.NAMESPACE.equals(name.getNamespace().toString())) {
                return true;
            }
        }
        return false;
    }

    /** Whether this node is node-local as a whole. */
    public boolean local() {
        return local;
    }

    /** The marks of child {@code name}; empty when nothing at or below it is node-local. */
    public Optional<NodeLocalMarks> child(QName name) {
        return Optional.ofNullable(below.get(name));
    }

    /** The node-local nodes, as paths of local names, for documentation and tests. */
    public SortedSet<String> paths() {
        SortedSet<String> out = new TreeSet<>();
        below.forEach((name, marks) -> marks.paths("/" + name.getLocalName(), out));
        return out;
    }

    private void paths(String prefix, SortedSet<String> out) {
        if (local) {
            out.add(prefix);
        }
        below.forEach((name, marks) -> marks.paths(prefix + "/" + name.getLocalName(), out));
    }
}
