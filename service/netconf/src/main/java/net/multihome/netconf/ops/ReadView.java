package net.multihome.netconf.ops;

import java.util.List;
import org.w3c.dom.Element;

/**
 * What one session may read under the access rules of one moment. Two equal views leave out the
 * same nodes of the same data, so a reply computed for one may be given to the other.
 */
public interface ReadView {
    /** The data (top-level elements, owned by the caller, pruned in place) without what the view may not read. */
    List<Element> readable(List<Element> data);
}
