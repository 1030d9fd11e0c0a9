package net.multihome.netconf.ops;

import net.multihome.core.store.Datastore;
import org.w3c.dom.Element;

/** A source or target parameter: a named datastore or an inline {@code <config>}. */
sealed interface DatastoreRef {
    record Named(Datastore datastore) implements DatastoreRef {
    }

    record Inline(Element config) implements DatastoreRef {
    }
}
