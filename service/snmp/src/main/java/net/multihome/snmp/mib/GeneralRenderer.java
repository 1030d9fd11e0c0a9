package net.multihome.snmp.mib;

import java.util.NavigableMap;
import java.util.TreeMap;
import net.multihome.core.config.Balancing;
import net.multihome.core.plan.OperStatus;
import net.multihome.core.status.StatusSnapshot;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/** MULTIHOME-MIB mhGeneral: balancing mode, hash policy, provider counts, reconcile passes. */
public final class GeneralRenderer implements SubtreeRenderer {

    @Override
    public NavigableMap<OID, Variable> render(StatusSnapshot snapshot) {
        Balancing balancing = snapshot.config().balancing();
        NavigableMap<OID, Variable> values = new TreeMap<>();
        put(values, 1, new Integer32(balancing.mode() == Balancing.Mode.FAILOVER ? 2 : 1));
        put(values, 2, new Integer32(balancing.hashPolicy().ordinal() + 1));
        put(values, 3, Values.gauge(snapshot.providers().size()));
        put(values, 4, Values.gauge(snapshot.providers().stream()
                .filter(p -> p.operStatus() == OperStatus.UP).count()));
        put(values, 5, Values.counter64(snapshot.reconcilePasses()));
        put(values, 6, Values.text(snapshot.lastReconcileResult()));
        return values;
    }

    private static void put(NavigableMap<OID, Variable> values, int scalar, Variable value) {
        values.put(Oids.child(Oids.GENERAL, scalar, 0), value);
    }
}
