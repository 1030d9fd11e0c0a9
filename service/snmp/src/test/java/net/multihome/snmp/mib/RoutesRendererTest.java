package net.multihome.snmp.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.NavigableMap;
import net.multihome.core.plan.OperStatus;
import net.multihome.snmp.testing.FakeStatus;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

class RoutesRendererTest {

    private static final OID IF_INDEX_COLUMN = Oids.child(Oids.IP_FORWARD, 7, 1, 7);

    @Test
    void providerTableRoutesCarryTheirTableAsPolicyAndMainRoutesZeroDotZero() {
        NavigableMap<OID, Variable> values = new RoutesRenderer().render(FakeStatus.router(OperStatus.UP));
        // ipv4(1), 0.0.0.0 (4 octets), /0, policy mhRoutingTables.101 (10 arcs), ipv4 next hop 192.0.2.1
        OID table101 = new OID(IF_INDEX_COLUMN).append(new OID("1.4.0.0.0.0.0.10"))
                .append(Oids.child(Oids.ROUTING_TABLES, 101)).append(new OID("1.4.192.0.2.1"));
        OID mainPath = new OID(IF_INDEX_COLUMN).append(new OID("1.4.0.0.0.0.0.2.0.0.1.4.192.0.2.1"));
        assertTrue(values.containsKey(table101), values.keySet()::toString);
        assertTrue(values.containsKey(mainPath), values.keySet()::toString);
        // Two paths of the main default, the on-link route in main, the default of table 101.
        assertEquals("4", values.get(Oids.child(Oids.IP_FORWARD, 6, 0)).toString());
    }
}
