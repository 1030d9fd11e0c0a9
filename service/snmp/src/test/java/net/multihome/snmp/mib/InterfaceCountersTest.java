package net.multihome.snmp.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.status.StatusSnapshot;
import net.multihome.netlink.model.Link;
import net.multihome.netlink.model.LinkStats;
import net.multihome.netlink.model.OperState;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;

/** Past 2^32 octets the 32-bit IF-MIB columns wrap while the HC columns keep the kernel's 64-bit count. */
class InterfaceCountersTest {

    private static final long TX_BYTES = (1L << 32) * 3 + 5;
    private static final long RX_BYTES = (1L << 32) + 7;

    private static StatusSnapshot snapshot() {
        Instant t = Instant.parse("2026-12-04T00:00:00Z");
        Link if1 = new Link(2, "if1", true, true, OperState.UP, 1500, null, "veth",
                new LinkStats(1, 2, RX_BYTES, TX_BYTES, 0, 0, 0, 0));
        return new StatusSnapshot(t, t, MultihomeConfig.empty(), List.of(), List.of(if1), List.of(), 1, "ok",
                List.of(), 77);
    }

    @Test
    void thirtyTwoBitColumnsWrapAndHighCapacityOnesDoNot() {
        var ifTable = new InterfacesRenderer().render(snapshot());
        var ifXTable = new IfXTableRenderer().render(snapshot());
        assertEquals(new Counter32(5), ifTable.get(Oids.child(Oids.IF_ENTRY, 16, 2)), "ifOutOctets");
        assertEquals(new Counter32(7), ifTable.get(Oids.child(Oids.IF_ENTRY, 10, 2)), "ifInOctets");
        assertEquals(new Counter64(TX_BYTES), ifXTable.get(Oids.child(Oids.IF_X_ENTRY, 10, 2)),
                "ifHCOutOctets");
        assertEquals(new Counter64(RX_BYTES), ifXTable.get(Oids.child(Oids.IF_X_ENTRY, 6, 2)),
                "ifHCInOctets");
    }
}
