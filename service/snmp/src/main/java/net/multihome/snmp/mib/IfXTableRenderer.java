package net.multihome.snmp.mib;

import java.util.NavigableMap;
import java.util.TreeMap;
import net.multihome.core.status.StatusSnapshot;
import net.multihome.netlink.model.Link;
import net.multihome.netlink.model.LinkStats;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;

/**
 * IF-MIB ifXTable: ifName, ifAlias, ifHighSpeed and the 64-bit HC counters from the kernel's
 * 64-bit link statistics. The link model has no multicast/broadcast split nor speed yet: those
 * read 0 (all received and sent packets count as unicast).
 */
public final class IfXTableRenderer implements SubtreeRenderer {

    private static final int TRUE = 1;
    private static final int FALSE = 2;

    @Override
    public NavigableMap<OID, Variable> render(StatusSnapshot snapshot) {
        NavigableMap<OID, Variable> values = new TreeMap<>();
        for (Link link : snapshot.links()) {
            int index = link.index();
            LinkStats stats = link.stats() == null ? LinkStats.ZERO : link.stats();
            put(values, 1, index, Values.text(link.name()));
            put(values, 2, index, Values.counter32(0));
            put(values, 3, index, Values.counter32(0));
            put(values, 4, index, Values.counter32(0));
            put(values, 5, index, Values.counter32(0));
            put(values, 6, index, Values.counter64(stats.rxBytes()));
            put(values, 7, index, Values.counter64(stats.rxPackets()));
            put(values, 8, index, Values.counter64(0));
            put(values, 9, index, Values.counter64(0));
            put(values, 10, index, Values.counter64(stats.txBytes()));
            put(values, 11, index, Values.counter64(stats.txPackets()));
            put(values, 12, index, Values.counter64(0));
            put(values, 13, index, Values.counter64(0));
            put(values, 14, index, new Integer32(FALSE));
            put(values, 15, index, Values.gauge(0));
            put(values, 16, index, new Integer32(FALSE));
            put(values, 17, index, new Integer32("lo".equals(link.name()) ? FALSE : TRUE));
            put(values, 18, index, Values.text(link.alias()));
            put(values, 19, index, new TimeTicks(0));
        }
        return values;
    }

    private static void put(NavigableMap<OID, Variable> values, int column, int index, Variable value) {
        values.put(Oids.child(Oids.IF_X_ENTRY, column, index), value);
    }
}
