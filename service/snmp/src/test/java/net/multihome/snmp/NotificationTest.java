package net.multihome.snmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.multihome.core.config.Management;
import net.multihome.core.plan.OperStatus;
import net.multihome.core.status.ProviderStateChange;
import net.multihome.snmp.mib.Oids;
import net.multihome.snmp.state.EngineIdentity;
import net.multihome.snmp.testing.FakeStatus;
import net.multihome.snmp.testing.Poll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Notifications reach net-snmp's snmptrapd and translate with our MIB. */
@Timeout(120)
class NotificationTest {

    @TempDir
    Path dir;

    @Test
    void providerDownIsSentAsV2cAndV3TrapsAndInformsAndTheInformsAreAcknowledged() throws Exception {
        // the engine ID exists before the agent starts, so the receiver can be told about it
        byte[] engineId = EngineIdentity.open(dir.resolve("agent"), Oids.ENTERPRISE).engineId().getValue();
        try (TrapReceiver receiver = new TrapReceiver(dir.resolve("trapd"), engineId)) {
            List<Management.NotificationTarget> targets = List.of(
                    target("v2c-trap", receiver.port, Management.SnmpVersion.V2C, Management.NotificationType.TRAP),
                    target("v2c-inform", receiver.port, Management.SnmpVersion.V2C,
                            Management.NotificationType.INFORM),
                    target("v3-trap", receiver.port, Management.SnmpVersion.V3, Management.NotificationType.TRAP),
                    target("v3-inform", receiver.port, Management.SnmpVersion.V3,
                            Management.NotificationType.INFORM));
            try (AgentFixture fixture = new AgentFixture(dir, targets)) {
                AgentRuntime runtime = (AgentRuntime) fixture.agent;
                Poll.until(Duration.ofSeconds(15), "coldStart to every receiver", () ->
                        receiver.count("SNMPv2-MIB::coldStart") >= 4 ? Boolean.TRUE : null);

                fixture.events.publish(new ProviderStateChange("isp-a", OperStatus.UP, OperStatus.DOWN,
                        "3 of 3 probes lost", Instant.now()));

                Poll.until(Duration.ofSeconds(15), "providerDown to every receiver", () ->
                        receiver.count("MULTIHOME-MIB::providerDown") >= 4 ? Boolean.TRUE : null);
                String log = receiver.logText();
                assertEquals(4, receiver.count("SNMPv2-MIB::coldStart"), "one coldStart per receiver: " + log);
                assertTrue(log.contains("MULTIHOME-MIB::mhProviderName.1 = STRING: isp-a"), log);
                assertTrue(log.contains("MULTIHOME-MIB::mhProviderOperStatus.1 = INTEGER: down(3)"), log);
                assertTrue(log.contains("MULTIHOME-MIB::mhProviderReason.1 = STRING: 3 of 3 probes lost"), log);

                NotificationSender.InformCounts counts = Poll.until(Duration.ofSeconds(15),
                        "coldStart and providerDown informs (v2c and v3) acknowledged", () -> {
                            NotificationSender.InformCounts now = runtime.informCounts();
                            return now.acknowledged() >= 4 ? now : null;
                        });
                assertEquals(0, counts.unacknowledged());
            }
        }
    }

    @Test
    void degradedAndUpMapToTheirNotificationsAndDisabledSendsNothing() {
        assertEquals(Oids.PROVIDER_DEGRADED, ProviderTraps.notificationFor(OperStatus.DEGRADED));
        assertEquals(Oids.PROVIDER_UP, ProviderTraps.notificationFor(OperStatus.UP));
        assertEquals(Oids.PROVIDER_DOWN, ProviderTraps.notificationFor(OperStatus.NO_INTERFACE));
        assertEquals(null, ProviderTraps.notificationFor(OperStatus.DISABLED));
    }

    private static Management.NotificationTarget target(String name, int port, Management.SnmpVersion version,
            Management.NotificationType type) {
        boolean v3 = version == Management.SnmpVersion.V3;
        return new Management.NotificationTarget(name, FakeStatus.ip("127.0.0.1"), port, version,
                v3 ? null : "public", v3 ? AgentFixture.USER : null, type);
    }
}
