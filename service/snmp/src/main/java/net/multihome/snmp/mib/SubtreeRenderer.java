package net.multihome.snmp.mib;

import java.util.NavigableMap;
import net.multihome.core.status.StatusSnapshot;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/** Turns a snapshot into every instance OID of one MIB subtree and its value. */
@FunctionalInterface
public interface SubtreeRenderer {

    /** Returns a sorted map the caller will not change; values are copied before they are sent. */
    NavigableMap<OID, Variable> render(StatusSnapshot snapshot);

    /**
     * Immutable state besides the snapshot that {@link #render} shows, or null for none: the
     * subtree renders again when this is another object than at the last rendering.
     */
    default Object besidesSnapshot() {
        return null;
    }
}
