package net.multihome.netconf.nacm;

import java.util.ArrayList;
import java.util.List;
import net.multihome.core.config.Nacm.Access;
import net.multihome.core.config.Nacm;
import net.multihome.netconf.datastore.SchemaTree;
import net.multihome.netconf.xml.Dom;
import org.w3c.dom.Element;

/**
 * RFC 8341 3.4.5 for read: every data node the user may not read is left out of a reply,
 * silently, with everything below it.
 */
final class ReadFilter {
    private final SchemaTree tree;
    private final ModuleNames modules;

    ReadFilter(SchemaTree tree, ModuleNames modules) {
        this.tree = tree;
        this.modules = modules;
    }

    /** The reply's top-level nodes without what the user may not read; the kept ones are pruned in place. */
    List<Element> apply(List<Element> data, Nacm rules, String user) {
        if (AccessDecider.bypassed(rules, user)) {
            return data;
        }
        List<Element> kept = new ArrayList<>();
        for (Element element : data) {
            LocatedNode top = LocatedNode.top(element, tree, modules);
            if (AccessDecider.mayAccess(rules, user, top.node(), Access.READ)) {
                prune(element, top, rules, user);
                kept.add(element);
            }
        }
        return kept;
    }

    private void prune(Element element, LocatedNode located, Nacm rules, String user) {
        for (Element child : Dom.children(element)) {
            LocatedNode c = located.child(child, tree, modules);
            if (AccessDecider.mayAccess(rules, user, c.node(), Access.READ)) {
                prune(child, c, rules, user);
            } else {
                element.removeChild(child);
            }
        }
    }
}
