package net.multihome.netconf.nacm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.multihome.core.config.Nacm.Access;
import net.multihome.core.config.Nacm;
import net.multihome.netconf.datastore.EditOperation;
import net.multihome.netconf.datastore.SchemaTree;
import net.multihome.netconf.rpc.Namespaces;
import net.multihome.netconf.xml.Dom;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.w3c.dom.Element;

/**
 * RFC 8341 3.4.5 for writes: which node of an edit the user may not create, update or delete,
 * judged against the datastore's current content (a node that exists is updated, one that
 * does not is created).
 */
final class WriteCheck {
    /** The first node the user may not write, with the access refused. */
    record Refusal(LocatedNode node, Access access) {
    }

    private final SchemaTree tree;
    private final ModuleNames modules;

    WriteCheck(SchemaTree tree, ModuleNames modules) {
        this.tree = tree;
        this.modules = modules;
    }

    /**
     * An edit-config's {@code <config>} children against the target's content.
     *
     * @param current the target's top-level elements now
     */
    Optional<Refusal> edit(List<Element> edit, List<Element> current, EditOperation defaultOperation,
                           Nacm rules, String user) {
        for (Element top : edit) {
            Element existing = counterpart(top, current, null);
            Optional<Refusal> refusal = node(top, existing, LocatedNode.top(top, tree, modules), defaultOperation,
                    rules, user);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    /** A whole datastore replaced by {@code next} (copy-config): every difference is a write. */
    Optional<Refusal> replace(List<Element> next, List<Element> current, Nacm rules, String user) {
        Optional<Refusal> refusal = edit(next, current, EditOperation.REPLACE, rules, user);
        if (refusal.isPresent()) {
            return refusal;
        }
        for (Element old : current) {
            if (counterpart(old, next, null) == null) {
                LocatedNode located = LocatedNode.top(old, tree, modules);
                if (!AccessDecider.mayAccess(rules, user, located.node(), Access.DELETE)) {
                    return Optional.of(new Refusal(located, Access.DELETE));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Refusal> node(Element edit, Element existing, LocatedNode located, EditOperation inherited,
                                   Nacm rules, String user) {
        EditOperation op = Optional.ofNullable(edit.getAttributeNodeNS(Namespaces.BASE, "operation"))
                .flatMap(a -> EditOperation.byName(a.getValue())).orElse(inherited);
        switch (op) {
            case DELETE, REMOVE -> {
                return existing == null ? Optional.empty() : check(located, Access.DELETE, rules, user);
            }
            case CREATE -> {
                return created(edit, located, rules, user);
            }
            case MERGE, REPLACE -> {
                if (existing == null) {
                    return created(edit, located, rules, user);
                }
                if (!Dom.hasElementChildren(edit) && !Dom.hasElementChildren(existing)) {
                    return Objects.equals(Dom.text(edit).strip(), Dom.text(existing).strip()) ? Optional.empty()
                            : check(located, Access.UPDATE, rules, user);
                }
            }
            case NONE -> {
                if (existing == null) {
                    return Optional.empty();
                }
            }
        }
        for (Element child : Dom.children(edit)) {
            LocatedNode c = located.child(child, tree, modules);
            Optional<Refusal> refusal = node(child, counterpart(child, Dom.children(existing), c.schema()), c, op,
                    rules, user);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        if (op == EditOperation.REPLACE) {
            for (Element old : Dom.children(existing)) {
                LocatedNode c = located.child(old, tree, modules);
                if (counterpart(old, Dom.children(edit), c.schema()) == null) {
                    Optional<Refusal> refusal = check(c, Access.DELETE, rules, user);
                    if (refusal.isPresent()) {
                        return refusal;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A new node: the user needs create access to it and to everything in it. */
    private Optional<Refusal> created(Element edit, LocatedNode located, Nacm rules, String user) {
        Optional<Refusal> refusal = check(located, Access.CREATE, rules, user);
        if (refusal.isPresent()) {
            return refusal;
        }
        for (Element child : Dom.children(edit)) {
            refusal = created(child, located.child(child, tree, modules), rules, user);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> check(LocatedNode located, Access access, Nacm rules, String user) {
        return AccessDecider.mayAccess(rules, user, located.node(), access) ? Optional.empty()
                : Optional.of(new Refusal(located, access));
    }

    /** The element among {@code candidates} that is the same data node: same name, same keys or value. */
    private static Element counterpart(Element edit, List<Element> candidates, DataSchemaNode schema) {
        List<String> keys = SchemaTree.keys(schema);
        for (Element candidate : candidates) {
            if (!Objects.equals(edit.getNamespaceURI(), candidate.getNamespaceURI())
                    || !edit.getLocalName().equals(candidate.getLocalName())) {
                continue;
            }
            if (schema instanceof LeafListSchemaNode && !Dom.text(edit).strip().equals(Dom.text(candidate).strip())) {
                continue;
            }
            boolean sameKeys = keys.stream().allMatch(k -> Objects.equals(
                    Dom.child(edit, edit.getNamespaceURI(), k).map(e -> Dom.text(e).strip()).orElse(null),
                    Dom.child(candidate, candidate.getNamespaceURI(), k).map(e -> Dom.text(e).strip()).orElse(null)));
            if (sameKeys) {
                return candidate;
            }
        }
        return null;
    }
}
