package net.multihome.snmp.mib;

import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import net.multihome.core.status.StatusSnapshot;
import net.multihome.netlink.model.Link;
import net.multihome.netlink.model.LinkStats;
import net.multihome.netlink.model.OperState;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;

/**
 * IF-MIB ifNumber and ifTable from the snapshot's links, indexed by the kernel's ifindex.
 * Deprecated columns (ifInNUcastPkts, ifOutNUcastPkts, ifOutQLen, ifSpecific) are left out;
 * ifSpeed and ifPhysAddress are not in the link model yet and read 0 and empty.
 */
public final class InterfacesRenderer implements SubtreeRenderer {

    private static final int SOFTWARE_LOOPBACK = 24;
    private static final int ETHERNET_CSMACD = 6;
    private static final int TUNNEL = 131;
    private static final Set<String> TUNNEL_KINDS =
            Set.of("wireguard", "tun", "gre", "gretap", "ipip", "sit", "ip6tnl", "vti", "vxlan");

    @Override
    public NavigableMap<OID, Variable> render(StatusSnapshot snapshot) {
        NavigableMap<OID, Variable> values = new TreeMap<>();
        values.put(Oids.IF_NUMBER, new Integer32(snapshot.links().size()));
        for (Link link : snapshot.links()) {
            int index = link.index();
            LinkStats stats = link.stats() == null ? LinkStats.ZERO : link.stats();
            put(values, 1, index, new Integer32(index));
            put(values, 2, index, Values.text(link.name()));
            put(values, 3, index, new Integer32(ifType(link)));
            put(values, 4, index, new Integer32(link.mtu()));
            put(values, 5, index, Values.gauge(0));
            put(values, 6, index, new OctetString());
            put(values, 7, index, new Integer32(link.adminUp() ? 1 : 2));
            put(values, 8, index, new Integer32(ifOperStatus(link.operState())));
            put(values, 9, index, new TimeTicks(0));
            put(values, 10, index, Values.counter32(stats.rxBytes()));
            put(values, 11, index, Values.counter32(stats.rxPackets()));
            put(values, 13, index, Values.counter32(stats.rxDropped()));
            put(values, 14, index, Values.counter32(stats.rxErrors()));
            put(values, 15, index, Values.counter32(0));
            put(values, 16, index, Values.counter32(stats.txBytes()));
            put(values, 17, index, Values.counter32(stats.txPackets()));
            put(values, 19, index, Values.counter32(stats.txDropped()));
            put(values, 20, index, Values.counter32(stats.txErrors()));
        }
        return values;
    }

    static int ifType(Link link) {
        if ("lo".equals(link.name())) {
            return SOFTWARE_LOOPBACK;
        }
        return link.kind() != null && TUNNEL_KINDS.contains(link.kind()) ? TUNNEL : ETHERNET_CSMACD;
    }

    /** RFC 2863 ifOperStatus from the kernel's IF_OPER state (RFC 2863 names them the same). */
    static int ifOperStatus(OperState state) {
        if (state == null) {
            return 4;
        }
        return switch (state) {
            case UP -> 1;
            case DOWN -> 2;
            case TESTING -> 3;
            case UNKNOWN -> 4;
            case DORMANT -> 5;
            case NOT_PRESENT -> 6;
            case LOWER_LAYER_DOWN -> 7;
        };
    }

    private static void put(NavigableMap<OID, Variable> values, int column, int index, Variable value) {
        values.put(Oids.child(Oids.IF_ENTRY, column, index), value);
    }
}
