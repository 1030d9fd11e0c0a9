package net.multihome.snmp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import net.multihome.core.plan.OperStatus;
import net.multihome.core.status.StatusSnapshot;
import net.multihome.snmp.mib.Oids;
import net.multihome.snmp.testing.FakeStatus;
import net.multihome.snmp.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the state directory keeps across a restart of the agent. */
@Timeout(120)
class AgentRestartTest {

    @TempDir
    Path dir;

    @Test
    void engineIdAndProviderIndexesSurviveARestart() throws Exception {
        Tools.require("snmpget", "snmp");
        byte[] engineId;
        try (AgentFixture first = new AgentFixture(dir, List.of())) {
            engineId = first.agent.engineId();
            Tools.Result get = first.snmp("snmpget", AgentFixture.v2c(), name(1), name(2));
            assertTrue(get.stdout().contains("\"isp-a\"") && get.stdout().contains("\"isp-b\""), get.all());
        }
        try (AgentFixture second = new AgentFixture(dir, List.of())) {
            assertArrayEquals(engineId, second.agent.engineId());
            // the providers come in another order now: rows keep their index
            StatusSnapshot router = FakeStatus.router(OperStatus.UP);
            second.status.set(new StatusSnapshot(router.taken(), router.started(), router.config(),
                    List.of(router.providers().get(1), router.providers().get(0)), router.links(), router.routes(),
                    router.reconcilePasses(), router.lastReconcileResult(), router.rules(), router.ownerProtocol()));
            Tools.Result get = second.snmp("snmpget", AgentFixture.v2c(), name(1), name(2));
            assertEquals(0, get.exitCode(), get.all());
            assertTrue(get.stdout().contains(name(1) + " = STRING: \"isp-a\""), get.all());
            assertTrue(get.stdout().contains(name(2) + " = STRING: \"isp-b\""), get.all());
        }
    }

    private static String name(int index) {
        return "." + Oids.child(Oids.PROVIDER_ENTRY, Oids.COL_PROVIDER_NAME, index);
    }
}
