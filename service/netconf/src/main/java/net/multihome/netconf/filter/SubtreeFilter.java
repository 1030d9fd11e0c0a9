package net.multihome.netconf.filter;

import java.util.ArrayList;
import java.util.List;
import net.multihome.netconf.xml.Dom;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * RFC 6241 section 6 subtree filtering: namespace selection (a filter element without a
 * namespace matches any), containment nodes, selection nodes (empty elements) and
 * content-match nodes (leaves with text). Attribute matching is not implemented.
 */
public final class SubtreeFilter {
    private final List<Element> roots;

    private SubtreeFilter(List<Element> roots) {
        this.roots = List.copyOf(roots);
    }

    /** The filter given by the children of a {@code <filter type="subtree">} element. */
    public static SubtreeFilter of(Element filter) {
        return new SubtreeFilter(Dom.children(filter));
    }

    /** The parts of {@code data} (top-level data elements) the filter selects, copied into {@code owner}. */
    public List<Node> apply(List<Element> data, Document owner) {
        List<Node> out = new ArrayList<>();
        for (Element element : data) {
            Element merged = null;
            for (Element filter : roots) {
                Element selected = select(element, filter, owner);
                if (selected != null) {
                    merged = merged == null ? selected : merge(merged, selected);
                }
            }
            if (merged != null) {
                out.add(merged);
            }
        }
        return out;
    }

    /**
     * Whether the filter selects anything of {@code content} (notification filtering). Only
     * reads {@code content}, so that it may be shared.
     */
    public boolean matches(Element content) {
        return roots.stream().anyMatch(filter -> selects(content, filter));
    }

    /** Whether {@link #select} would return a node, without building it. */
    private static boolean selects(Element data, Element filter) {
        if (!nameMatches(data, filter)) {
            return false;
        }
        List<Element> filterChildren = Dom.children(filter);
        if (filterChildren.isEmpty()) {
            String text = filter.getTextContent().strip();
            return text.isEmpty() || text.equals(Dom.text(data));
        }
        List<Element> dataChildren = Dom.children(data);
        boolean hasOthers = false;
        for (Element f : filterChildren) {
            if (isContentMatch(f)) {
                if (dataChildren.stream().noneMatch(d -> nameMatches(d, f)
                        && Dom.text(d).equals(f.getTextContent().strip()))) {
                    return false;
                }
            } else {
                hasOthers = true;
            }
        }
        if (!hasOthers) {
            return true;
        }
        for (Element child : dataChildren) {
            for (Element f : filterChildren) {
                if (!isContentMatch(f) && selects(child, f)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Element select(Element data, Element filter, Document owner) {
        if (!nameMatches(data, filter)) {
            return null;
        }
        List<Element> filterChildren = Dom.children(filter);
        if (filterChildren.isEmpty()) {
            String text = filter.getTextContent().strip();
            if (!text.isEmpty() && !text.equals(Dom.text(data))) {
                return null;
            }
            return (Element) owner.importNode(data, true);
        }
        List<Element> contentMatches = new ArrayList<>();
        List<Element> others = new ArrayList<>();
        for (Element f : filterChildren) {
            (isContentMatch(f) ? contentMatches : others).add(f);
        }
        List<Element> dataChildren = Dom.children(data);
        for (Element match : contentMatches) {
            boolean found = dataChildren.stream().anyMatch(d -> nameMatches(d, match)
                    && Dom.text(d).equals(match.getTextContent().strip()));
            if (!found) {
                return null;
            }
        }
        if (others.isEmpty()) {
            return (Element) owner.importNode(data, true);
        }
        Element result = (Element) owner.importNode(data, false);
        boolean selectedSomething = false;
        for (Element child : dataChildren) {
            if (contentMatches.stream().anyMatch(m -> nameMatches(child, m))) {
                result.appendChild(owner.importNode(child, true));
                continue;
            }
            Element merged = null;
            for (Element f : others) {
                Element selected = select(child, f, owner);
                if (selected != null) {
                    merged = merged == null ? selected : merge(merged, selected);
                }
            }
            if (merged != null) {
                result.appendChild(merged);
                selectedSomething = true;
            }
        }
        return selectedSomething ? result : null;
    }

    private static boolean isContentMatch(Element filter) {
        return !Dom.hasElementChildren(filter) && !filter.getTextContent().strip().isEmpty();
    }

    private static boolean nameMatches(Element data, Element filter) {
        if (!filter.getLocalName().equals(data.getLocalName())) {
            return false;
        }
        String ns = filter.getNamespaceURI();
        return ns == null || ns.isEmpty() || ns.equals(data.getNamespaceURI());
    }

    /** Two selections of the same data element: adds b's children that a lacks. */
    private static Element merge(Element a, Element b) {
        List<Element> have = Dom.children(a);
        for (Element child : Dom.children(b)) {
            boolean present = have.stream().anyMatch(h -> h.isEqualNode(child));
            if (!present) {
                a.appendChild(child);
            }
        }
        return a;
    }
}
