package net.multihome.snmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.multihome.core.config.Management;
import net.multihome.core.pair.VrrpState;
import net.multihome.core.plan.OperStatus;
import net.multihome.core.status.ProviderStateChange;
import net.multihome.snmp.mib.Oids;
import net.multihome.snmp.state.EngineIdentity;
import net.multihome.snmp.testing.FakeStatus;
import net.multihome.snmp.testing.Poll;
import net.multihome.snmp.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

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
    void anInformReceiverThatNeverAnswersHoldsUpNeitherThePublisherNorTheAgent() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             AgentFixture fixture = new AgentFixture(dir, List.of(target("silent-inform", silent.getLocalPort(),
                     Management.SnmpVersion.V2C, Management.NotificationType.INFORM)))) {
            Thread publisher = Thread.ofPlatform().name("test-owner").start(() -> {
                for (int i = 0; i < 200; i++) {
                    fixture.events.publish(new ProviderStateChange("isp-a", i % 2 == 0 ? OperStatus.UP : OperStatus.DOWN,
                            i % 2 == 0 ? OperStatus.DOWN : OperStatus.UP, "flap " + i, Instant.now()));
                }
            });
            publisher.join(Duration.ofSeconds(30));
            assertFalse(publisher.isAlive(), "the publisher (the daemon's owner thread) waited for an inform");

            Tools.Result get = fixture.snmp("snmpget", AgentFixture.v2c(), ".1.3.6.1.2.1.1.3.0");
            assertEquals(0, get.exitCode(), get.all());
            assertTrue(get.stdout().contains("Timeticks"), get.all());
            AgentRuntime runtime = (AgentRuntime) fixture.agent;
            Poll.until(Duration.ofSeconds(60), "an inform given up on", () ->
                    runtime.informCounts().unacknowledged() > 0 ? Boolean.TRUE : null);
        }
    }

    @Test
    void aSilentInformReceiverDelaysNeitherAWorkingTrapReceiverNorItsOwnNameInTheLog() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger laneLogger = (Logger) LoggerFactory.getLogger(NotificationLane.class);
        log.start();
        laneLogger.addAppender(log);
        byte[] engineId = EngineIdentity.open(dir.resolve("agent"), Oids.ENTERPRISE).engineId().getValue();
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             TrapReceiver receiver = new TrapReceiver(dir.resolve("trapd"), engineId);
             AgentFixture fixture = new AgentFixture(dir, List.of(
                     target("silent-inform", silent.getLocalPort(), Management.SnmpVersion.V2C,
                             Management.NotificationType.INFORM),
                     target("working-trap", receiver.port, Management.SnmpVersion.V2C,
                             Management.NotificationType.TRAP)))) {
            int events = 20;
            for (int i = 0; i < events; i++) {
                fixture.events.publish(new ProviderStateChange("isp-a", i % 2 == 0 ? OperStatus.UP : OperStatus.DOWN,
                        i % 2 == 0 ? OperStatus.DOWN : OperStatus.UP, "flap " + i, Instant.now()));
            }
            // one inform to the silent receiver takes 1 s x (1 + 2 retries): sent in line with it, the
            // traps would need 3 s each, a minute for all; the deadline leaves room for neither
            Poll.until(Duration.ofSeconds(10), events + " provider notifications at the working receiver", () ->
                    receiver.count("MULTIHOME-MIB::providerDown") + receiver.count("MULTIHOME-MIB::providerUp")
                            >= events ? Boolean.TRUE : null);

            String silentName = "silent-inform (127.0.0.1/" + silent.getLocalPort() + ")";
            Poll.until(Duration.ofSeconds(15), "the unacknowledged inform logged with its receiver", () ->
                    log.list.stream().anyMatch(e -> e.getFormattedMessage()
                            .equals("inform to " + silentName + " was not acknowledged")) ? Boolean.TRUE : null);
            AgentRuntime runtime = (AgentRuntime) fixture.agent;
            assertTrue(runtime.informCounts().unacknowledged() > 0);
        } finally {
            laneLogger.detachAppender(log);
        }
    }

    @Test
    void aVrrpStateChangeReachesTheReceiversWithTheNewStateAndIsServed() throws Exception {
        byte[] engineId = EngineIdentity.open(dir.resolve("agent"), Oids.ENTERPRISE).engineId().getValue();
        try (TrapReceiver receiver = new TrapReceiver(dir.resolve("trapd"), engineId)) {
            List<Management.NotificationTarget> targets = List.of(
                    target("v2c-trap", receiver.port, Management.SnmpVersion.V2C, Management.NotificationType.TRAP),
                    target("v3-inform", receiver.port, Management.SnmpVersion.V3,
                            Management.NotificationType.INFORM));
            try (AgentFixture fixture = new AgentFixture(dir, targets)) {
                fixture.status.set(FakeStatus.pairRouter());
                Poll.until(Duration.ofSeconds(15), "coldStart to every receiver", () ->
                        receiver.count("SNMPv2-MIB::coldStart") >= 2 ? Boolean.TRUE : null);

                fixture.vrrp.set(VrrpState.BACKUP, Instant.now());
                fixture.vrrp.set(VrrpState.BACKUP, Instant.now());
                fixture.vrrp.set(VrrpState.MASTER, Instant.now());

                Poll.until(Duration.ofSeconds(15), "two mhVrrpStateChange to each receiver", () ->
                        receiver.count("MULTIHOME-MIB::mhVrrpStateChange") >= 4 ? Boolean.TRUE : null);
                String log = receiver.logText();
                assertTrue(log.contains("MULTIHOME-MIB::mhVrrpState.0 = INTEGER: backup(2)"), log);
                assertTrue(log.contains("MULTIHOME-MIB::mhVrrpState.0 = INTEGER: master(3)"), log);
                assertTrue(log.contains("MULTIHOME-MIB::mhVrrpVirtualRouterId.0 = Gauge32: 51"), log);
                Tools.Result get = fixture.snmp("snmpget", AgentFixture.v2c(), Oids.VRRP_STATE.toString());
                assertEquals(0, get.exitCode(), get.all());
                assertTrue(get.stdout().contains("INTEGER: 3"), get.all());
                assertEquals(4, receiver.count("MULTIHOME-MIB::mhVrrpStateChange"), "no trap for the repeat: " + log);
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
