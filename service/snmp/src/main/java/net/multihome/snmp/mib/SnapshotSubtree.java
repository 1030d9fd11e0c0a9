package net.multihome.snmp.mib;

import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Function;
import net.multihome.core.status.StatusSnapshot;
import org.snmp4j.agent.DefaultMOScope;
import org.snmp4j.agent.MOScope;
import org.snmp4j.agent.mo.GenericManagedObject;
import org.snmp4j.agent.request.Request;
import org.snmp4j.agent.request.SubRequest;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * A read-only managed object for one MIB subtree (generic: SNMP4J's command processor only
 * looks up {@link GenericManagedObject}s) whose instances come from a status snapshot.
 * The rendering of the last snapshot is kept, so requests between two snapshots are map
 * lookups; a request pins its snapshot, so all varbinds of one GETBULK come from the same one.
 */
public final class SnapshotSubtree implements GenericManagedObject {

    private record Rendering(StatusSnapshot snapshot, Object besides, NavigableMap<OID, Variable> values) {
    }

    private final OID root;
    private final MOScope scope;
    private final SnapshotCache cache;
    private final SubtreeRenderer renderer;
    private volatile Rendering last;

    /**
     * @param root every instance OID the renderer returns starts with this OID followed by the
     *     object's arc (a column or a scalar), then the index
     */
    public SnapshotSubtree(OID root, SnapshotCache cache, SubtreeRenderer renderer) {
        this.root = new OID(root);
        this.scope = new DefaultMOScope(this.root, true, this.root.nextPeer(), false);
        this.cache = cache;
        this.renderer = renderer;
    }

    @Override
    public MOScope getScope() {
        return scope;
    }

    @Override
    public OID find(MOScope range) {
        Map.Entry<OID, Variable> first = firstIn(values(cache.current()), range, oid -> true);
        return first == null ? null : first.getKey();
    }

    @Override
    public void get(SubRequest<?> request) {
        VariableBinding vb = request.getVariableBinding();
        NavigableMap<OID, Variable> values = values(pinned(request));
        Variable value = values.get(vb.getOid());
        if (value != null) {
            vb.setVariable((Variable) value.clone());
        } else {
            vb.setVariable(objectExists(values, vb.getOid()) ? Null.noSuchInstance : Null.noSuchObject);
        }
        request.completed();
    }

    @Override
    public boolean next(SubRequest<?> request) {
        return next(request, oid -> true);
    }

    @Override
    public boolean next(SubRequest<?> request, Function<OID, Boolean> filter) {
        Map.Entry<OID, Variable> found = firstIn(values(pinned(request)), request.getScope(), filter);
        if (found == null) {
            return false;
        }
        VariableBinding vb = request.getVariableBinding();
        vb.setOid(new OID(found.getKey()));
        vb.setVariable((Variable) found.getValue().clone());
        request.completed();
        return true;
    }

    @Override
    public void prepare(SubRequest<?> request) {
        request.getStatus().setErrorStatus(SnmpConstants.SNMP_ERROR_NOT_WRITEABLE);
    }

    @Override
    public void commit(SubRequest<?> request) {
        request.getStatus().setErrorStatus(SnmpConstants.SNMP_ERROR_COMMIT_FAILED);
    }

    @Override
    public void undo(SubRequest<?> request) {
        request.getStatus().setErrorStatus(SnmpConstants.SNMP_ERROR_UNDO_FAILED);
    }

    @Override
    public void cleanup(SubRequest<?> request) {
        request.getStatus().setPhaseComplete(true);
    }

    @Override
    public String toString() {
        return "SnapshotSubtree[" + root + "]";
    }

    /** The snapshot this request already used, else the cache's, remembered for the request. */
    private StatusSnapshot pinned(SubRequest<?> subRequest) {
        Request<?, ?, ?> request = subRequest.getRequest();
        if (request == null) {
            return cache.current();
        }
        Object held = request.getProcessingUserObject(cache);
        if (held instanceof StatusSnapshot snapshot) {
            return snapshot;
        }
        StatusSnapshot snapshot = cache.current();
        request.setProcessingUserObject(cache, snapshot);
        return snapshot;
    }

    private NavigableMap<OID, Variable> values(StatusSnapshot snapshot) {
        Rendering rendering = last;
        // read before rendering: a change meanwhile renders once more, never keeps a stale map
        Object besides = renderer.besidesSnapshot();
        if (rendering == null || rendering.snapshot() != snapshot || rendering.besides() != besides) {
            rendering = new Rendering(snapshot, besides, renderer.render(snapshot));
            last = rendering;
        }
        return rendering.values();
    }

    private static Map.Entry<OID, Variable> firstIn(NavigableMap<OID, Variable> values, MOScope range,
            Function<OID, Boolean> filter) {
        OID lower = range.getLowerBound();
        Map.Entry<OID, Variable> candidate = lower == null ? values.firstEntry()
                : range.isLowerIncluded() ? values.ceilingEntry(lower) : values.higherEntry(lower);
        OID upper = range.getUpperBound();
        while (candidate != null) {
            OID oid = candidate.getKey();
            if (upper != null) {
                int order = oid.compareTo(upper);
                if (order > 0 || (order == 0 && !range.isUpperIncluded())) {
                    return null;
                }
            }
            if (filter.apply(oid)) {
                return candidate;
            }
            candidate = values.higherEntry(oid);
        }
        return null;
    }

    /** Whether some instance of the object (root + one arc) that {@code oid} names exists. */
    private boolean objectExists(NavigableMap<OID, Variable> values, OID oid) {
        if (oid.size() <= root.size() || !oid.startsWith(root)) {
            return false;
        }
        OID object = new OID(oid.getValue(), 0, root.size() + 1);
        OID first = values.ceilingKey(object);
        return first != null && first.startsWith(object);
    }
}
