package net.multihome.snmp.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snmp4j.smi.OID;

class EngineIdentityTest {

    private static final OID ENTERPRISE = new OID("1.3.6.1.4.1.32473");

    @TempDir
    Path state;

    @Test
    void engineIdIsKeptAndBootsGrowAcrossRestarts() {
        EngineIdentity first = EngineIdentity.open(state, ENTERPRISE);
        byte[] id = first.engineId().getValue();
        assertEquals(1, first.updateEngineBoots());

        EngineIdentity second = EngineIdentity.open(state, ENTERPRISE);
        assertArrayEquals(id, second.engineId().getValue());
        assertEquals(1, second.getEngineBoots());
        assertEquals(2, second.updateEngineBoots());
    }

    @Test
    void engineIdFollowsRfc3411WithOurEnterprise() {
        byte[] id = EngineIdentity.open(state, ENTERPRISE).engineId().getValue();
        assertEquals(13, id.length);
        assertArrayEquals(new byte[] {(byte) 0x80, 0x00, 0x7e, (byte) 0xd9, 0x05},
                java.util.Arrays.copyOf(id, 5));
    }
}
