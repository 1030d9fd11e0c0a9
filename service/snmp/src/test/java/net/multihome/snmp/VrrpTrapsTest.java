package net.multihome.snmp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.multihome.core.pair.VrrpState;
import net.multihome.core.pair.VrrpStatus;
import net.multihome.core.plan.OperStatus;
import net.multihome.snmp.mib.Oids;
import net.multihome.snmp.testing.FakeStatus;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.VariableBinding;

/** When mhVrrpStateChange goes out: on each real change from the state found at start, with the new state. */
class VrrpTrapsTest {

    private static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

    private final FakeStatus status = new FakeStatus();
    private final List<VariableBinding[]> sent = new ArrayList<>();

    @Test
    void eachChangeSendsTheNewStateAndTheVirtualRouterId() {
        status.set(FakeStatus.pairRouter());
        VrrpTraps traps = new VrrpTraps(this::send, status, VrrpStatus.UNKNOWN);
        traps.accept(status(VrrpState.BACKUP));
        traps.accept(status(VrrpState.MASTER));
        traps.accept(status(VrrpState.UNKNOWN));
        assertEquals(List.of(2, 3, 1), states());
        VariableBinding[] first = sent.get(0);
        assertEquals(Oids.VRRP_STATE, first[0].getOid());
        assertEquals(new Integer32(2), first[0].getVariable());
        assertEquals(Oids.VRRP_VIRTUAL_ROUTER_ID, first[1].getOid());
        assertEquals(new UnsignedInteger32(51), first[1].getVariable());
    }

    @Test
    void theStateFoundAtStartAndARepeatedStateSendNothing() {
        status.set(FakeStatus.pairRouter());
        VrrpTraps traps = new VrrpTraps(this::send, status, status(VrrpState.MASTER));
        traps.accept(status(VrrpState.MASTER));
        assertEquals(List.of(), states());
        traps.accept(status(VrrpState.FAULT));
        traps.accept(status(VrrpState.FAULT));
        assertEquals(List.of(4), states());
    }

    @Test
    void aRouterWithoutARedundancyConfigurationSendsNone() {
        status.set(FakeStatus.router(OperStatus.UP));
        VrrpTraps traps = new VrrpTraps(this::send, status, VrrpStatus.UNKNOWN);
        traps.accept(status(VrrpState.MASTER));
        traps.accept(status(VrrpState.BACKUP));
        assertEquals(List.of(), states());
    }

    private void send(OID notification, VariableBinding[] varbinds) {
        assertEquals(Oids.VRRP_STATE_CHANGE, notification);
        sent.add(varbinds);
    }

    private List<Integer> states() {
        return sent.stream().map(v -> v[0].getVariable().toInt()).toList();
    }

    private static VrrpStatus status(VrrpState state) {
        return new VrrpStatus(state, AT);
    }
}
