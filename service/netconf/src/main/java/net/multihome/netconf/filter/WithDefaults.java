package net.multihome.netconf.filter;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.datastore.SchemaTree;
import net.multihome.netconf.xml.Dom;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.w3c.dom.Element;

/**
 * RFC 6243 on a {@code <multihome>} element holding what was set (explicit, the basic mode):
 * report-all adds every default leaf, also inside non-presence containers that are absent;
 * trim removes leaves whose value equals their default. Defaults inside a choice count only in
 * the case that is present.
 */
public final class WithDefaults {
    private final SchemaTree schema;

    public WithDefaults(SchemaTree schema) {
        this.schema = schema;
    }

    /** Changes {@code multihome} in place to show its defaults as {@code mode} asks. */
    public void apply(Element multihome, WithDefaultsMode mode) {
        switch (mode) {
            case REPORT_ALL -> addDefaults(multihome, (DataNodeContainer) schema.root());
            case TRIM -> trim(multihome, schema.root());
            case EXPLICIT -> {
                // what was set is what the datastore holds
            }
        }
    }

    private void addDefaults(Element element, DataNodeContainer node) {
        for (Element child : Dom.children(element)) {
            schema.child((DataSchemaNode) node, child).ifPresent(childNode -> {
                if (childNode instanceof DataNodeContainer container && childNode.isConfiguration()) {
                    addDefaults(child, container);
                }
            });
        }
        addMissing(element, node.getChildNodes());
    }

    private void addMissing(Element element, Collection<? extends DataSchemaNode> nodes) {
        for (DataSchemaNode child : nodes) {
            if (!child.isConfiguration()) {
                continue;
            }
            String name = child.getQName().getLocalName();
            boolean present = Dom.child(element, YangSchema.NAMESPACE, name).isPresent();
            if (child instanceof LeafSchemaNode && !present) {
                SchemaTree.defaultOf(child).ifPresent(value ->
                        Dom.appendLeaf(element, YangSchema.NAMESPACE, name, value));
            } else if (child instanceof ContainerSchemaNode container && !container.isPresenceContainer()
                    && !present) {
                Element created = Dom.append(element, YangSchema.NAMESPACE, name);
                addDefaults(created, container);
                if (!Dom.hasElementChildren(created)) {
                    element.removeChild(created);
                }
            } else if (child instanceof ChoiceSchemaNode choice) {
                activeCase(element, choice).ifPresent(c -> addMissing(element, c.getChildNodes()));
            }
        }
    }

    private static Optional<CaseSchemaNode> activeCase(Element element, ChoiceSchemaNode choice) {
        for (CaseSchemaNode c : choice.getCases()) {
            for (DataSchemaNode n : c.getChildNodes()) {
                if (Dom.child(element, YangSchema.NAMESPACE, n.getQName().getLocalName()).isPresent()) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    private void trim(Element element, DataSchemaNode node) {
        List<String> keys = SchemaTree.keys(node);
        for (Element child : Dom.children(element)) {
            Optional<DataSchemaNode> childNode = schema.child(node, child);
            if (childNode.isEmpty() || keys.contains(child.getLocalName())) {
                continue;
            }
            if (childNode.get() instanceof DataNodeContainer) {
                trim(child, childNode.get());
                boolean nonPresence = childNode.get() instanceof ContainerSchemaNode c && !c.isPresenceContainer();
                if (nonPresence && !Dom.hasElementChildren(child)) {
                    element.removeChild(child);
                }
            } else if (!(childNode.get() instanceof ListSchemaNode)) {
                Optional<String> def = SchemaTree.defaultOf(childNode.get());
                if (def.isPresent() && sameValue(def.get(), Dom.text(child))) {
                    element.removeChild(child);
                }
            }
        }
    }

    private static boolean sameValue(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
