package net.multihome.snmp.mib;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import net.multihome.core.status.StatusSnapshot;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.RoutePath;
import net.multihome.netlink.model.RouteType;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;

/**
 * IP-FORWARD-MIB (RFC 4292) inetCidrRouteNumber and inetCidrRouteTable for the main routing
 * table, the default route's table and the providers' tables, one row per path of a multipath route, like net-snmp. The
 * policy tells the tables apart: zeroDotZero for main, mhRoutingTables.T for table T. An
 * on-link path has next-hop type unknown(0) and an empty next hop. Route age is not known
 * and reads 0.
 */
public final class RoutesRenderer implements SubtreeRenderer {

    private static final long MAIN_TABLE = 254;
    private static final OID ENTRY = Oids.child(Oids.IP_FORWARD, 7, 1);
    private static final OID ZERO_DOT_ZERO = new OID("0.0");

    private record Row(Route route, InetAddress gateway, int ifindex) {

        OID policy() {
            // OID arcs are unsigned 32-bit: the cast keeps table ids above 2^31 intact.
            return route.table() == MAIN_TABLE ? ZERO_DOT_ZERO : Oids.child(Oids.ROUTING_TABLES, (int) route.table());
        }
    }

    @Override
    public NavigableMap<OID, Variable> render(StatusSnapshot snapshot) {
        NavigableMap<OID, Variable> values = new TreeMap<>();
        int rows = 0;
        Set<Long> tables = new HashSet<>(List.of(MAIN_TABLE));
        snapshot.providers().forEach(p -> tables.add(p.table()));
        tables.add(snapshot.config().balancing().table());
        for (Route route : snapshot.routes()) {
            if (!tables.contains(route.table())) {
                continue;
            }
            for (Row row : rows(route)) {
                OID index = index(row);
                put(values, 7, index, new Integer32(row.ifindex()));
                put(values, 8, index, new Integer32(type(row)));
                put(values, 9, index, new Integer32(protocol(route.protocol())));
                put(values, 10, index, new Gauge32(0));
                put(values, 11, index, new UnsignedInteger32(0));
                put(values, 12, index, new Integer32((int) Math.min(Integer.MAX_VALUE, route.metric())));
                for (int column = 13; column <= 16; column++) {
                    put(values, column, index, new Integer32(-1));
                }
                put(values, 17, index, new Integer32(1));
                rows++;
            }
        }
        values.put(Oids.child(Oids.IP_FORWARD, 6, 0), new Gauge32(rows));
        return values;
    }

    private static List<Row> rows(Route route) {
        if (route.multipath().isEmpty()) {
            return List.of(new Row(route, route.gateway(), route.oif()));
        }
        return route.multipath().stream().map((RoutePath p) -> new Row(route, p.gateway(), p.ifindex())).toList();
    }

    /** destType, dest (length-prefixed), pfxLen, policy (length-prefixed), nextHopType, nextHop. */
    private static OID index(Row row) {
        InetAddress destination = row.route().destination().address();
        OID index = new OID();
        index.append(addressType(destination));
        appendOctets(index, destination.getAddress());
        index.append(row.route().destination().length());
        OID policy = row.policy();
        index.append(policy.size());
        index.append(policy);
        if (row.gateway() == null) {
            index.append(0);
            index.append(0);
        } else {
            index.append(addressType(row.gateway()));
            appendOctets(index, row.gateway().getAddress());
        }
        return index;
    }

    private static int addressType(InetAddress address) {
        return address instanceof Inet6Address ? 2 : 1;
    }

    private static void appendOctets(OID index, byte[] octets) {
        index.append(octets.length);
        for (byte octet : octets) {
            index.append(octet & 0xff);
        }
    }

    /** inetCidrRouteType: other(1), reject(2), local(3), remote(4), blackhole(5). */
    private static int type(Row row) {
        RouteType type = row.route().type();
        if (type == RouteType.BLACKHOLE) {
            return 5;
        }
        if (type == RouteType.UNREACHABLE || type == RouteType.PROHIBIT) {
            return 2;
        }
        if (type == RouteType.UNICAST) {
            return row.gateway() == null ? 3 : 4;
        }
        return 1;
    }

    /** IANAipRouteProtocol from the kernel's rtm_protocol. */
    private static int protocol(int rtmProtocol) {
        return switch (rtmProtocol) {
            case 2 -> 2;            // kernel: local
            case 3, 4 -> 3;         // boot, static: netmgmt
            case 186 -> 14;         // bgp
            case 187 -> 9;          // isis
            case 188 -> 13;         // ospf
            case 189 -> 8;          // rip
            default -> 1;           // other, our own owner tag included
        };
    }

    private static void put(NavigableMap<OID, Variable> values, int column, OID index, Variable value) {
        OID oid = Oids.child(ENTRY, column);
        oid.append(index);
        values.put(oid, value);
    }
}
