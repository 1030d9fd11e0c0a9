package net.multihome.snmp.mib;

import java.time.Instant;
import java.util.NavigableMap;
import java.util.TreeMap;
import net.multihome.core.plan.OperStatus;
import net.multihome.core.status.ProbeStats;
import net.multihome.core.status.ProviderStatus;
import net.multihome.core.status.StatusSnapshot;
import net.multihome.netlink.model.Link;
import net.multihome.netlink.model.LinkStats;
import net.multihome.snmp.state.ProviderIndexStore;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/** MULTIHOME-MIB mhProviderTable, one row per provider under its stable index. */
public final class ProviderTableRenderer implements SubtreeRenderer {

    private final ProviderIndexStore indexes;
    private final Instant agentStarted;

    /** @param agentStarted when sysUpTime was zero, the origin of mhProviderLastChange */
    public ProviderTableRenderer(ProviderIndexStore indexes, Instant agentStarted) {
        this.indexes = indexes;
        this.agentStarted = agentStarted;
    }

    /** The MIB value of an oper status (the MhOperStatus textual convention). */
    public static int operStatusValue(OperStatus status) {
        return switch (status) {
            case UP -> 1;
            case DEGRADED -> 2;
            case DOWN -> 3;
            case DISABLED -> 4;
            case NO_INTERFACE -> 5;
        };
    }

    @Override
    public NavigableMap<OID, Variable> render(StatusSnapshot snapshot) {
        NavigableMap<OID, Variable> values = new TreeMap<>();
        for (ProviderStatus provider : snapshot.providers()) {
            int index = indexes.indexOf(provider.name());
            ProbeStats stats = provider.stats() == null ? ProbeStats.NONE : provider.stats();
            LinkStats link = linkStats(snapshot, provider);
            put(values, 2, index, Values.text(provider.name()));
            put(values, 3, index, Values.text(provider.interfaceName()));
            put(values, 4, index, new Integer32(Math.max(0, provider.ifindex())));
            put(values, 5, index, Values.address(provider.address()));
            put(values, 6, index, Values.address(provider.gateway()));
            put(values, 7, index, Values.unsigned(provider.table()));
            put(values, 8, index, new Integer32(provider.enabled() ? 1 : 2));
            put(values, 9, index, new Integer32(operStatusValue(provider.operStatus())));
            put(values, 10, index, Values.text(provider.reason()));
            put(values, 11, index, Values.unsigned(provider.weight()));
            put(values, 12, index, Values.unsigned(provider.tier()));
            put(values, 13, index, Values.hundredths(provider.defaultRouteShare()));
            put(values, 14, index, Values.unsigned(stats.rttAverageMicros()));
            put(values, 15, index, Values.unsigned(stats.jitterMicros()));
            put(values, 16, index, Values.hundredths(stats.lossPercent()));
            put(values, 17, index, Values.counter64(stats.probesSent()));
            put(values, 18, index, Values.counter64(stats.probesLost()));
            put(values, 19, index, Values.counter32(provider.transitions()));
            put(values, 20, index, Values.timeStamp(provider.lastChange(), agentStarted));
            put(values, 21, index, Values.counter64(link.rxBytes()));
            put(values, 22, index, Values.counter64(link.txBytes()));
            put(values, 23, index, Values.counter64(link.rxPackets()));
            put(values, 24, index, Values.counter64(link.txPackets()));
        }
        return values;
    }

    /** The uplink's counters, found by ifindex, else by name; zero when the link is missing. */
    private static LinkStats linkStats(StatusSnapshot snapshot, ProviderStatus provider) {
        for (Link link : snapshot.links()) {
            boolean same = provider.ifindex() > 0 ? link.index() == provider.ifindex()
                    : link.name().equals(provider.interfaceName());
            if (same && link.stats() != null) {
                return link.stats();
            }
        }
        return LinkStats.ZERO;
    }

    private static void put(NavigableMap<OID, Variable> values, int column, int index, Variable value) {
        values.put(Oids.child(Oids.PROVIDER_ENTRY, column, index), value);
    }
}
