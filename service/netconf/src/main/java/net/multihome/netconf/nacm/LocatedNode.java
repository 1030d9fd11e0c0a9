package net.multihome.netconf.nacm;

import java.util.HashMap;
import java.util.Map;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.datastore.SchemaTree;
import net.multihome.netconf.xml.Dom;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.w3c.dom.Element;

/**
 * A DOM element of NETCONF data placed in the model: its access control view, its schema node
 * (null outside the multihome module) and its instance path for error-path.
 */
record LocatedNode(DataNode node, DataSchemaNode schema, String path) {

    /** A top-level element of a reply or an edit. */
    static LocatedNode top(Element element, SchemaTree tree, ModuleNames modules) {
        DataSchemaNode schema = Dom.is(element, YangSchema.NAMESPACE, YangSchema.MODULE) ? tree.root() : null;
        DataNode node = DataNode.top(step(element, modules), ModelMarks.denyAll(schema), ModelMarks.denyWrite(schema));
        return new LocatedNode(node, schema, schema == null ? "" : SchemaTree.step(element, schema));
    }

    LocatedNode child(Element element, SchemaTree tree, ModuleNames modules) {
        DataSchemaNode childSchema = schema == null ? null : tree.child(schema, element).orElse(null);
        DataNode childNode = node.child(step(element, modules), ModelMarks.denyAll(childSchema),
                ModelMarks.denyWrite(childSchema));
        String childPath = childSchema == null ? path : path + SchemaTree.step(element, childSchema);
        return new LocatedNode(childNode, childSchema, childPath);
    }

    private static DataNode.Step step(Element element, ModuleNames modules) {
        Map<String, String> leaves = new HashMap<>();
        for (Element child : Dom.children(element)) {
            if (!Dom.hasElementChildren(child)) {
                leaves.putIfAbsent(child.getLocalName(), Dom.text(child));
            }
        }
        return new DataNode.Step(modules.of(element.getNamespaceURI()), element.getLocalName(), leaves);
    }
}
