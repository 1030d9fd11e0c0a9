package net.multihome.snmp.mib;

import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import net.multihome.core.config.HealthCheck;
import net.multihome.core.status.ProbeStats;
import net.multihome.core.status.ProviderStatus;
import net.multihome.core.status.StatusSnapshot;
import net.multihome.core.status.TargetStatus;
import net.multihome.snmp.state.ProviderIndexStore;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/** MULTIHOME-MIB mhTargetTable: per provider (its stable index) and target (its position). */
public final class TargetTableRenderer implements SubtreeRenderer {

    private final ProviderIndexStore indexes;

    public TargetTableRenderer(ProviderIndexStore indexes) {
        this.indexes = indexes;
    }

    @Override
    public NavigableMap<OID, Variable> render(StatusSnapshot snapshot) {
        NavigableMap<OID, Variable> values = new TreeMap<>();
        for (ProviderStatus provider : snapshot.providers()) {
            int providerIndex = indexes.indexOf(provider.name());
            List<TargetStatus> targets = provider.targets();
            for (int i = 0; i < targets.size(); i++) {
                TargetStatus target = targets.get(i);
                int targetIndex = i + 1;
                ProbeStats stats = target.stats() == null ? ProbeStats.NONE : target.stats();
                put(values, 2, providerIndex, targetIndex, Values.address(target.address()));
                put(values, 3, providerIndex, targetIndex,
                        new Integer32(target.method() == HealthCheck.Method.TCP ? 2 : 1));
                put(values, 4, providerIndex, targetIndex, Values.unsigned(target.port()));
                put(values, 5, providerIndex, targetIndex, Values.unsigned(stats.rttAverageMicros()));
                put(values, 6, providerIndex, targetIndex, Values.hundredths(stats.lossPercent()));
                put(values, 7, providerIndex, targetIndex, new Integer32(stateValue(target.state())));
            }
        }
        return values;
    }

    private static int stateValue(TargetStatus.TargetState state) {
        return switch (state) {
            case ANSWERING -> 1;
            case NOT_ANSWERING -> 2;
            case UNKNOWN -> 3;
        };
    }

    private static void put(NavigableMap<OID, Variable> values, int column, int provider, int target,
            Variable value) {
        values.put(Oids.child(Oids.TARGET_ENTRY, column, provider, target), value);
    }
}
