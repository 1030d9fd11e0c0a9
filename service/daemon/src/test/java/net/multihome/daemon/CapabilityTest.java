package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CapabilityTest {

    private static final String STATUS = """
            Name:\tjava
            Uid:\t998\t998\t998\t998
            CapInh:\t0000000000003400
            CapPrm:\t0000000000003400
            CapEff:\t0000000000003400
            CapBnd:\t0000000000003400
            CapAmb:\t0000000000003400
            """;

    @Test
    void readsTheEffectiveSetOfTheUnitsCapabilities() {
        long effective = Capability.effective(STATUS);
        for (Capability c : Capability.values()) {
            assertTrue(c.in(effective), c.name());
        }
    }

    @Test
    void rootHasAllAndAnUnprivilegedUserNone() {
        assertTrue(Capability.CAP_NET_ADMIN.in(Capability.effective("CapEff:\t000001ffffffffff\n")));
        assertFalse(Capability.CAP_NET_ADMIN.in(Capability.effective("CapEff:\t0000000000000000\n")));
        assertFalse(Capability.CAP_NET_ADMIN.in(Capability.effective("CapEff:\t0000000000002400\n")));
    }

    @Test
    void aStatusWithoutCapEffIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Capability.effective("Name:\tjava\n"));
    }
}
