package net.multihome.netconf.datastore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.xml.Dom;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.stmt.DefaultEffectiveStatement;
import org.w3c.dom.Element;

/**
 * Schema lookups for DOM data of the multihome module: which schema node an element is, list
 * keys, instance paths in error-path form, and leaf defaults.
 */
public final class SchemaTree {
    private final YangSchema schema;

    public SchemaTree(YangSchema schema) {
        this.schema = schema;
    }

    /** The schema of the top-level {@code multihome} container. */
    public DataSchemaNode root() {
        return schema.context().dataChildByName(YangSchema.qname(YangSchema.MODULE));
    }

    /** The schema node of {@code child} under {@code parent}, looking through choices and cases. */
    public Optional<DataSchemaNode> child(DataSchemaNode parent, Element child) {
        if (!(parent instanceof DataNodeContainer container) || child.getLocalName() == null
                || !YangSchema.NAMESPACE.equals(child.getNamespaceURI())) {
            return Optional.empty();
        }
        return container.findDataTreeChild(YangSchema.qname(child.getLocalName()));
    }

    public static boolean isLeafy(DataSchemaNode node) {
        return node instanceof LeafSchemaNode || node instanceof LeafListSchemaNode;
    }

    public static List<String> keys(DataSchemaNode node) {
        if (!(node instanceof ListSchemaNode list)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (QName key : list.getKeyDefinition()) {
            out.add(key.getLocalName());
        }
        return out;
    }

    /** The path step of {@code element}: {@code /mh:name} plus key or value predicates. */
    public static String step(Element element, DataSchemaNode node) {
        StringBuilder out = new StringBuilder("/mh:").append(element.getLocalName());
        for (String key : keys(node)) {
            Dom.child(element, YangSchema.NAMESPACE, key).ifPresent(k ->
                    out.append("[mh:").append(key).append("='").append(Dom.text(k)).append("']"));
        }
        if (node instanceof LeafListSchemaNode) {
            out.append("[.='").append(Dom.text(element)).append("']");
        }
        return out.toString();
    }

    /**
     * The names of the nodes that live in the other cases of the choice holding {@code child}
     * directly under {@code parent}: creating {@code child} removes them (RFC 7950 section 7.9).
     */
    public static List<String> otherCases(DataSchemaNode parent, String child) {
        if (!(parent instanceof DataNodeContainer container)) {
            return List.of();
        }
        for (DataSchemaNode node : container.getChildNodes()) {
            if (node instanceof ChoiceSchemaNode choice) {
                List<String> others = new ArrayList<>();
                boolean found = false;
                for (CaseSchemaNode c : choice.getCases()) {
                    List<String> names = c.getChildNodes().stream().map(n -> n.getQName().getLocalName()).toList();
                    if (names.contains(child)) {
                        found = true;
                    } else {
                        others.addAll(names);
                    }
                }
                if (found) {
                    return others;
                }
            }
        }
        return List.of();
    }

    /** The lexical default of a leaf, if the model gives one. */
    public static Optional<String> defaultOf(DataSchemaNode node) {
        if (node instanceof LeafSchemaNode leaf) {
            return leaf.asEffectiveStatement().findFirstEffectiveSubstatementArgument(DefaultEffectiveStatement.class);
        }
        return Optional.empty();
    }
}
