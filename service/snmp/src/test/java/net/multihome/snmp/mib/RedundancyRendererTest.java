package net.multihome.snmp.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.time.Duration;
import java.util.NavigableMap;
import net.multihome.core.pair.VrrpState;
import net.multihome.core.plan.OperStatus;
import net.multihome.snmp.testing.FakeStatus;
import net.multihome.snmp.testing.FakeVrrp;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;

/** mhRedundancy: the reported state with the configured id and priorities, unknown and 0 without a pair. */
class RedundancyRendererTest {

    private final FakeVrrp vrrp = new FakeVrrp();
    private final RedundancyRenderer renderer = new RedundancyRenderer(vrrp, FakeStatus.STARTED);

    @Test
    void aPairRouterShowsTheStateSinceWhenAndItsInstance() {
        vrrp.set(VrrpState.MASTER, FakeStatus.STARTED.plus(Duration.ofMillis(12_340)));
        NavigableMap<OID, Variable> values = renderer.render(FakeStatus.pairRouter());
        assertEquals(5, values.size());
        assertEquals(new Integer32(3), values.get(scalar(1)));
        assertEquals(new TimeTicks(1234), values.get(scalar(2)));
        assertEquals(new UnsignedInteger32(51), values.get(scalar(3)));
        assertEquals(new UnsignedInteger32(150), values.get(scalar(4)));
        assertEquals(new UnsignedInteger32(150), values.get(scalar(5)), "a provider is up: not lowered");
    }

    @Test
    void theEffectivePriorityDropsByTheTrackWeightWhileEveryProviderIsDown() {
        assertEquals(new UnsignedInteger32(100),
                renderer.render(FakeStatus.pairRouter(50, OperStatus.DOWN)).get(scalar(5)));
        assertEquals(new UnsignedInteger32(0),
                renderer.render(FakeStatus.pairRouter(254, OperStatus.DOWN)).get(scalar(5)), "fault");
        assertEquals(new UnsignedInteger32(150),
                renderer.render(FakeStatus.pairRouter(50, OperStatus.DEGRADED)).get(scalar(5)),
                "a degraded provider still carries traffic");
    }

    @Test
    void aStateFromBeforeTheAgentStartedIsStampedZero() {
        vrrp.set(VrrpState.BACKUP, FakeStatus.STARTED.minusSeconds(60));
        NavigableMap<OID, Variable> values = renderer.render(FakeStatus.pairRouter());
        assertEquals(new Integer32(2), values.get(scalar(1)));
        assertEquals(new TimeTicks(0), values.get(scalar(2)));
    }

    @Test
    void aRouterOnItsOwnIsUnknownWithoutAnInstanceWhateverTheStateFileSays() {
        vrrp.set(VrrpState.MASTER, FakeStatus.STARTED.plusSeconds(5));
        NavigableMap<OID, Variable> values = renderer.render(FakeStatus.router(OperStatus.UP));
        assertEquals(new Integer32(1), values.get(scalar(1)));
        assertEquals(new TimeTicks(0), values.get(scalar(2)));
        assertEquals(new UnsignedInteger32(0), values.get(scalar(3)));
        assertEquals(new UnsignedInteger32(0), values.get(scalar(4)));
        assertEquals(new UnsignedInteger32(0), values.get(scalar(5)));
    }

    @Test
    void everyStateHasItsValueAndAChangeIsSeenWithoutANewSnapshot() {
        assertEquals(1, RedundancyRenderer.stateValue(VrrpState.UNKNOWN));
        assertEquals(2, RedundancyRenderer.stateValue(VrrpState.BACKUP));
        assertEquals(3, RedundancyRenderer.stateValue(VrrpState.MASTER));
        assertEquals(4, RedundancyRenderer.stateValue(VrrpState.FAULT));
        Object before = renderer.besidesSnapshot();
        vrrp.set(VrrpState.FAULT, FakeStatus.STARTED.plusSeconds(1));
        assertNotSame(before, renderer.besidesSnapshot(), "a change renders again");
    }

    private static OID scalar(int arc) {
        return Oids.child(Oids.REDUNDANCY, arc, 0);
    }
}
