package net.multihome.core.config;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;

/**
 * List entries and containers read before (a provider, the management settings), by the
 * identity of the node they were read from.
 * Datastore content is immutable and an edit keeps the entries it does not touch as the same
 * objects, so a configuration read through this cache reads only the entries that changed.
 *
 * <p>Bounded: a read keeps the entries of the configuration it read and drops the rest, and a
 * configuration of more than {@link #MAX_ENTRIES} entries is not kept at all. Only entries
 * read without a violation are kept (a violation's report needs the read). Whoever reads owns
 * the cache; reads may overlap (the last one to finish is kept), and no lock is held.
 */
public final class EntryCache {
    static final int MAX_ENTRIES = 65_536;

    private volatile Map<DataContainerNode, Object> last = Map.of();

    /** One read: looks up in the last read's entries and collects this read's. */
    final class Read {
        private final Map<DataContainerNode, Object> before = last;
        private final Map<DataContainerNode, Object> seen = new IdentityHashMap<>(before.size());

        /** The entry read by {@code reader}, or as read before. */
        <T> T entry(DataView view, Class<T> type, Function<DataView, T> reader, List<ConfigError> errors) {
            DataContainerNode node = view.node();
            if (node == null) {
                return reader.apply(view);
            }
            Object known = before.get(node);
            if (type.isInstance(known)) {
                seen.put(node, known);
                return type.cast(known);
            }
            int violations = errors.size();
            T read = reader.apply(view);
            if (errors.size() == violations) {
                seen.put(node, read);
            }
            return read;
        }

        void finish() {
            if (seen.size() <= MAX_ENTRIES) {
                last = Collections.unmodifiableMap(seen);
            }
        }
    }

    Read start() {
        return new Read();
    }

    /** How many entries the last read left here. */
    int size() {
        return last.size();
    }
}
