package net.multihome.netconf.service;

import static net.multihome.netconf.service.Replies.all;
import static net.multihome.netconf.service.Replies.assertOk;
import static net.multihome.netconf.service.Replies.editConfig;
import static net.multihome.netconf.service.Replies.errorPath;
import static net.multihome.netconf.service.Replies.errorTag;
import static net.multihome.netconf.service.Replies.target;
import static net.multihome.netconf.service.ServiceFixture.MH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import net.multihome.core.plan.OperStatus;
import net.multihome.core.status.ProviderStateChange;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.monitoring.ServedModules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Capabilities, monitoring, state data, the probe RPC and notifications. */
class MonitoringAndNotificationsTest {
    private static final String NCM = "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring";
    private static final String NOTIFICATION = "urn:ietf:params:xml:ns:netconf:notification:1.0";
    private static final String YANG_LIBRARY = "urn:ietf:params:xml:ns:yang:ietf-yang-library";

    @TempDir
    Path dir;
    private ServiceFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new ServiceFixture(dir, true);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void helloAdvertisesExactlyTheImplementedCapabilities() throws Exception {
        try (TestClient c = fixture.client()) {
            List<String> caps = all(c.serverHello, TestClient.BASE, "capability");
            for (String expected : List.of(
                    "urn:ietf:params:netconf:base:1.0",
                    "urn:ietf:params:netconf:base:1.1",
                    "urn:ietf:params:netconf:capability:writable-running:1.0",
                    "urn:ietf:params:netconf:capability:candidate:1.0",
                    "urn:ietf:params:netconf:capability:confirmed-commit:1.1",
                    "urn:ietf:params:netconf:capability:rollback-on-error:1.0",
                    "urn:ietf:params:netconf:capability:validate:1.1",
                    "urn:ietf:params:netconf:capability:startup:1.0",
                    "urn:ietf:params:netconf:capability:notification:1.0",
                    "urn:ietf:params:netconf:capability:interleave:1.0",
                    "urn:ietf:params:netconf:capability:with-defaults:1.0?basic-mode=explicit"
                            + "&also-supported=report-all,trim",
                    NCM + "?module=ietf-netconf-monitoring&revision=2010-10-04",
                    "urn:multihome:yang:multihome?module=multihome&revision=2026-11-28")) {
                assertTrue(caps.contains(expected), expected + " missing from " + caps);
            }
            String yangLibrary = "urn:ietf:params:netconf:capability:yang-library:1.1?revision=2019-01-04&content-id=";
            assertTrue(caps.stream().anyMatch(s -> s.startsWith(yangLibrary)), caps::toString);
            assertFalse(caps.stream().anyMatch(s -> s.contains(":xpath") || s.contains(":url")), caps::toString);
        }
    }

    @Test
    void getSchemaReturnsTheExactModuleText() throws Exception {
        try (TestClient c = fixture.client()) {
            for (YangSchema.ModuleFile module : ServedModules.files()) {
                String reply = c.rpc("<get-schema xmlns=\"" + NCM + "\"><identifier>" + module.name()
                        + "</identifier><version>" + module.revision() + "</version><format>yang</format>"
                        + "</get-schema>");
                assertEquals(module.text(), TestClient.parse(reply).getElementsByTagNameNS(NCM, "data").item(0)
                        .getTextContent(), module.name());
            }
            String unknown = c.rpc("<get-schema xmlns=\"" + NCM + "\"><identifier>nope</identifier></get-schema>");
            assertEquals("invalid-value", errorTag(unknown), unknown);
        }
    }

    @Test
    void everyModuleTheHelloNamesCanBeFetchedWithGetSchema() throws Exception {
        try (TestClient c = fixture.client()) {
            List<String> modules = all(c.serverHello, TestClient.BASE, "capability").stream()
                    .filter(cap -> cap.contains("?module="))
                    .map(cap -> cap.replaceAll(".*[?&]module=([^&]+).*", "$1"))
                    .toList();
            assertTrue(modules.containsAll(List.of("multihome", "ietf-inet-types", "ietf-yang-types", "ietf-netconf",
                    "ietf-netconf-monitoring", "ietf-netconf-notifications")), modules::toString);
            for (String module : modules) {
                String reply = c.rpc("<get-schema xmlns=\"" + NCM + "\"><identifier>" + module
                        + "</identifier></get-schema>");
                String text = TestClient.parse(reply).getElementsByTagNameNS(NCM, "data").item(0).getTextContent();
                assertTrue(text.startsWith("module " + module + " {"), module + ": " + reply);
            }
        }
    }

    @Test
    void getShowsProviderStateNextToItsConfigurationAndNetconfState() throws Exception {
        try (TestClient a = fixture.client(); TestClient c = fixture.client()) {
            assertOk(a.rpc("<lock>" + target("running") + "</lock>"));
            String reply = c.rpc("<get/>");
            assertEquals(List.of("up"), all(reply, MH, "oper-status"));
            assertEquals(List.of("3"), all(reply, MH, "transitions"));
            assertEquals(List.of("83.33"), all(reply, MH, "default-route-share"));
            assertEquals(List.of("7"), all(reply, MH, "if-index"));
            assertEquals(List.of("1000"), all(reply, MH, "in-octets"));
            assertEquals(List.of("203.0.113.2"), all(reply, MH, "address-in-use"));
            assertEquals(List.of("configured"), all(reply, MH, "source"));
            assertEquals(List.of("answering"), all(reply, MH, "state"));
            assertEquals(List.of("default via 203.0.113.1 dev if1 table T1"), all(reply, MH, "route"), reply);
            assertEquals(List.of("priority 1000 from 203.0.113.2 lookup T1"), all(reply, MH, "rule"), reply);
            // isp1 and isp2 configured, then isp1 as the one member of the default route
            assertEquals(List.of("5", "1", "5"), all(reply, MH, "weight"), reply);
            assertEquals(List.of(Long.toString(a.sessionId)), all(reply, NCM, "locked-by-session"));
            assertEquals(2, all(reply, NCM, "session-id").size());
            assertTrue(all(reply, NCM, "identifier").contains("multihome"));
            String contentId = c.serverHello.replaceAll("(?s).*content-id=([0-9a-f]+).*", "$1");
            assertEquals(List.of(contentId), all(reply, YANG_LIBRARY, "content-id"));
            String filtered = c.rpc("<get><filter type=\"subtree\"><multihome xmlns=\"" + MH + "\"><provider>"
                    + "<name>isp1</name><oper-status/></provider></multihome></filter></get>");
            assertEquals(List.of("up"), all(filtered, MH, "oper-status"));
            assertEquals(List.of(), all(filtered, NCM, "netconf-state"));
            assertEquals(List.of(), all(filtered, MH, "table"));
        }
    }

    @Test
    void probeReturnsEachTargetsAnswer() throws Exception {
        try (TestClient c = fixture.client()) {
            String reply = c.rpc("<probe xmlns=\"" + MH + "\"><provider>isp1</provider></probe>");
            assertEquals(List.of("up"), all(reply, MH, "oper-status"));
            assertEquals(List.of("192.0.2.1"), all(reply, MH, "address"));
            assertEquals(List.of("1234"), all(reply, MH, "rtt"));
        }
    }

    @Test
    void probeOfAnUnknownProviderIsInvalidValueWithItsPath() throws Exception {
        try (TestClient c = fixture.client()) {
            String reply = c.rpc("<probe xmlns=\"" + MH + "\"><provider>nope</provider></probe>");
            assertEquals("invalid-value", errorTag(reply), reply);
            assertEquals("/mh:probe/mh:provider", errorPath(reply));
        }
    }

    @Test
    void providerStateChangeReachesTheSubscriber() throws Exception {
        try (TestClient c = fixture.client()) {
            assertOk(c.rpc("<create-subscription xmlns=\"" + NOTIFICATION + "\"/>"));
            fixture.events.publish(new ProviderStateChange("isp1", OperStatus.UP, OperStatus.DOWN,
                    "3 rounds lost", Instant.parse("2026-11-28T12:00:01Z")));
            String n = c.notification("provider-state-change");
            assertEquals(List.of("2026-11-28T12:00:01Z"), all(n, NOTIFICATION, "eventTime"));
            assertEquals(List.of("down"), all(n, MH, "new-status"));
            assertEquals(List.of("up"), all(n, MH, "old-status"));
            String again = c.rpc("<create-subscription xmlns=\"" + NOTIFICATION + "\"/>");
            assertEquals("in-use", errorTag(again), again);
        }
    }

    @Test
    void replayFromStartTimeSendsTheLoggedEventsThenReplayCompleteThenLiveOnes() throws Exception {
        fixture.events.publish(new ProviderStateChange("isp1", OperStatus.UP, OperStatus.DOWN, "before",
                Instant.parse("2026-11-28T12:00:00Z")));
        fixture.events.publish(new ProviderStateChange("isp2", OperStatus.UP, OperStatus.DOWN, "in window",
                Instant.parse("2026-11-28T12:00:05Z")));
        try (TestClient c = fixture.client()) {
            assertOk(c.rpc("<create-subscription xmlns=\"" + NOTIFICATION + "\"><startTime>2026-11-28T12:00:03Z"
                    + "</startTime></create-subscription>"));
            String replayed = c.notification("provider-state-change");
            assertEquals(List.of("isp2"), all(replayed, MH, "provider"), replayed);
            c.notification("replayComplete");
            fixture.events.publish(new ProviderStateChange("isp1", OperStatus.DOWN, OperStatus.UP, "live",
                    Instant.parse("2026-11-28T12:00:09Z")));
            String live = c.notification("provider-state-change");
            assertEquals(List.of("isp1"), all(live, MH, "provider"), live);
        }
    }

    @Test
    void replayWithAStopTimeInThePastEndsWithNotificationComplete() throws Exception {
        fixture.events.publish(new ProviderStateChange("isp1", OperStatus.UP, OperStatus.DOWN, "x",
                Instant.parse("2026-11-28T12:00:01Z")));
        fixture.events.publish(new ProviderStateChange("isp2", OperStatus.UP, OperStatus.DOWN, "after the stop",
                Instant.parse("2026-11-28T12:00:30Z")));
        try (TestClient c = fixture.client()) {
            assertOk(c.rpc("<create-subscription xmlns=\"" + NOTIFICATION + "\"><startTime>2026-11-28T12:00:00Z"
                    + "</startTime><stopTime>2026-11-28T12:00:10Z</stopTime></create-subscription>"));
            assertEquals(List.of("isp1"), all(c.notification("provider-state-change"), MH, "provider"));
            c.notification("replayComplete");
            c.notification("notificationComplete");
            assertOk(c.rpc("<create-subscription xmlns=\"" + NOTIFICATION + "\"/>"));
        }
    }

    @Test
    void replayTimesThatMakeNoSenseAreRefusedNamingTheElement() throws Exception {
        try (TestClient c = fixture.client()) {
            String future = c.rpc("<create-subscription xmlns=\"" + NOTIFICATION + "\"><startTime>2999-01-01T00:00:00Z"
                    + "</startTime></create-subscription>");
            assertEquals("bad-element", errorTag(future), future);
            assertTrue(future.contains("is in the future"), future);
            String garbage = c.rpc("<create-subscription xmlns=\"" + NOTIFICATION + "\"><startTime>yesterday"
                    + "</startTime></create-subscription>");
            assertTrue(garbage.contains("startTime 'yesterday' is not a date-and-time"), garbage);
            String stopOnly = c.rpc("<create-subscription xmlns=\"" + NOTIFICATION + "\"><stopTime>2026-11-28T12:00:00Z"
                    + "</stopTime></create-subscription>");
            assertEquals("missing-element", errorTag(stopOnly), stopOnly);
            String reversed = c.rpc("<create-subscription xmlns=\"" + NOTIFICATION + "\"><startTime>2026-11-28T12:00:09Z"
                    + "</startTime><stopTime>2026-11-28T12:00:00Z</stopTime></create-subscription>");
            assertTrue(reversed.contains("is before startTime"), reversed);
        }
    }

    @Test
    void notificationFilterDropsWhatItDoesNotSelect() throws Exception {
        try (TestClient c = fixture.client()) {
            assertOk(c.rpc("<create-subscription xmlns=\"" + NOTIFICATION + "\"><filter type=\"subtree\">"
                    + "<provider-state-change xmlns=\"" + MH + "\"><provider>isp2</provider></provider-state-change>"
                    + "</filter></create-subscription>"));
            fixture.events.publish(new ProviderStateChange("isp1", OperStatus.UP, OperStatus.DOWN, "x", Instant.now()));
            fixture.events.publish(new ProviderStateChange("isp2", OperStatus.UP, OperStatus.DOWN, "y", Instant.now()));
            String n = c.notification();
            assertEquals(List.of("isp2"), all(n, MH, "provider"), n);
        }
    }

    @Test
    void everyChangeOfRunningIsAuditedWithWhoFromWhereAndWhat() throws Exception {
        Logger audit = (Logger) LoggerFactory.getLogger("multihome.audit");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Level level = audit.getLevel();
        audit.setLevel(Level.INFO);
        audit.addAppender(lines);
        try (TestClient c = fixture.client()) {
            assertOk(c.rpc(editConfig("running", "<provider><name>isp1</name><weight>2</weight></provider>")));
            assertEquals(1, lines.list.size(), lines.list::toString);
            String line = lines.list.getFirst().getFormattedMessage();
            assertTrue(line.startsWith("running changed by admin (session " + c.sessionId + " from 127.0.0.1): 1 edit(s):"
                    + " replace /mh:multihome/mh:provider[mh:name='isp1']/mh:weight"), line);
        } finally {
            audit.detachAppender(lines);
            audit.setLevel(level);
        }
    }

    @Test
    void configChangeAndSessionNotificationsFollowWhatHappens() throws Exception {
        try (TestClient c = fixture.client()) {
            assertOk(c.rpc("<create-subscription xmlns=\"" + NOTIFICATION + "\"/>"));
            assertOk(c.rpc(editConfig("running", "<provider><name>isp1</name><weight>2</weight></provider>")));
            String change = c.notification("netconf-config-change");
            assertTrue(change.contains("/mh:multihome/mh:provider[mh:name='isp1']/mh:weight"), change);
            assertTrue(change.contains("<operation>replace</operation>"), change);
            assertTrue(change.contains("<username>admin</username>"), change);
            long other;
            try (TestClient second = fixture.client()) {
                other = second.sessionId;
                String started = c.notification("netconf-session-start");
                assertTrue(started.contains("<session-id>" + other + "</session-id>"), started);
            }
            String ended = c.notification("netconf-session-end");
            assertTrue(ended.contains("<session-id>" + other + "</session-id>"), ended);
        }
    }

    @Test
    void aSubscriberThatStopsReadingHoldsUpNeitherThePublisherNorOtherSessions() throws Exception {
        try (TestClient stuck = fixture.client(); TestClient other = fixture.client()) {
            assertOk(stuck.rpc("<create-subscription xmlns=\"" + NOTIFICATION + "\"/>"));
            stuck.stopReading();
            // About 10 MB of notifications: far more than the SSH window and socket buffers hold.
            String reason = "flap damping: held down ".repeat(80);
            Thread publisher = Thread.ofPlatform().name("test-owner").start(() -> {
                for (int i = 0; i < 5_000; i++) {
                    fixture.events.publish(new ProviderStateChange("isp1", i % 2 == 0 ? OperStatus.UP : OperStatus.DOWN,
                            i % 2 == 0 ? OperStatus.DOWN : OperStatus.UP, reason, Instant.now()));
                }
            });
            publisher.join(TestClient.TIMEOUT);
            assertFalse(publisher.isAlive(), "the publisher (the daemon's owner thread) waited for a stuck subscriber");
            for (int weight = 2; weight < 12; weight++) {
                assertOk(other.rpc(editConfig("candidate",
                        "<provider><name>isp1</name><weight>" + weight + "</weight></provider>")));
                assertOk(other.rpc("<commit/>"));
                String running = other.rpc(Replies.getConfig("running"));
                assertTrue(running.contains("<weight>" + weight + "</weight>"), running);
            }
        }
    }

    @Test
    void rpcsKeepWorkingWhileSubscribed() throws Exception {
        try (TestClient c = fixture.client()) {
            assertOk(c.rpc("<create-subscription xmlns=\"" + NOTIFICATION + "\"/>"));
            String reply = c.rpc(Replies.getConfig("running"));
            assertEquals(List.of("isp1", "isp2"), all(reply, MH, "name"));
        }
    }
}
