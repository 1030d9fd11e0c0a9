package net.multihome.netconf.service;

import static net.multihome.netconf.service.Replies.assertOk;
import static net.multihome.netconf.service.Replies.editConfig;
import static net.multihome.netconf.service.Replies.errorTag;
import static net.multihome.netconf.service.Replies.getConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import net.multihome.core.config.ConfigReader;
import net.multihome.core.store.ConfigStore;
import net.multihome.netconf.testing.Polling;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Confirmed commit (:confirmed-commit:1.1) driven by a clock the test advances. */
class ConfirmedCommitTest {
    private static final String WEIGHT_9 = "<provider><name>isp1</name><weight>9</weight></provider>";
    private static final Path ROLLBACK_FILE = Path.of("confirmed-commit.rollback");

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

    private static void confirmedCommit(TestClient c, String extra) throws IOException {
        assertOk(c.rpc(editConfig("candidate", WEIGHT_9)));
        assertOk(c.rpc("<commit><confirmed/>" + extra + "</commit>"));
    }

    private boolean runningHasWeight9() {
        try {
            return ConfigReader.read(fixture.store.running()).provider("isp1").orElseThrow().weight() == 9;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void confirmedCommitTimesOutAndRollsBack() throws Exception {
        try (TestClient c = fixture.client()) {
            confirmedCommit(c, "<confirm-timeout>30</confirm-timeout>");
            assertTrue(runningHasWeight9());
            assertTrue(Files.exists(dir.resolve(ROLLBACK_FILE)));
            fixture.advance(Duration.ofSeconds(29));
            assertTrue(runningHasWeight9());
            fixture.advance(Duration.ofSeconds(1));
            assertFalse(runningHasWeight9());
            assertEquals(5, fixture.applier.last().provider("isp1").orElseThrow().weight());
            assertFalse(Files.exists(dir.resolve(ROLLBACK_FILE)));
            assertTrue(c.rpc(getConfig("candidate")).contains("<weight>5</weight>"));
        }
    }

    @Test
    void defaultTimeoutIsTenMinutes() throws Exception {
        try (TestClient c = fixture.client()) {
            confirmedCommit(c, "");
            fixture.advance(Duration.ofSeconds(599));
            assertTrue(runningHasWeight9());
            fixture.advance(Duration.ofSeconds(1));
            assertFalse(runningHasWeight9());
        }
    }

    @Test
    void confirmingCommitKeepsTheChange() throws Exception {
        try (TestClient c = fixture.client()) {
            confirmedCommit(c, "<confirm-timeout>30</confirm-timeout>");
            assertOk(c.rpc("<commit/>"));
            assertFalse(Files.exists(dir.resolve(ROLLBACK_FILE)));
            fixture.advance(Duration.ofMinutes(20));
            assertTrue(runningHasWeight9());
        }
    }

    @Test
    void followUpConfirmedCommitExtendsTheTimeout() throws Exception {
        try (TestClient c = fixture.client()) {
            confirmedCommit(c, "<confirm-timeout>30</confirm-timeout>");
            fixture.advance(Duration.ofSeconds(20));
            assertOk(c.rpc("<commit><confirmed/><confirm-timeout>30</confirm-timeout></commit>"));
            fixture.advance(Duration.ofSeconds(20));
            assertTrue(runningHasWeight9());
            fixture.advance(Duration.ofSeconds(10));
            assertFalse(runningHasWeight9());
        }
    }

    @Test
    void sessionEndWithoutPersistRollsBack() throws Exception {
        TestClient c = fixture.client();
        confirmedCommit(c, "");
        c.close();
        Polling.awaitTrue(() -> !runningHasWeight9(), "the rollback after the session ended");
    }

    @Test
    void anotherSessionCannotConfirmACommitWithoutPersist() throws Exception {
        try (TestClient a = fixture.client(); TestClient b = fixture.client()) {
            confirmedCommit(a, "");
            String reply = b.rpc("<commit/>");
            assertEquals("in-use", errorTag(reply), reply);
            assertTrue(runningHasWeight9());
        }
    }

    @Test
    void persistentCommitSurvivesItsSessionAndAnotherSessionConfirmsIt() throws Exception {
        TestClient a = fixture.client();
        confirmedCommit(a, "<persist>token-1</persist>");
        a.close();
        try (TestClient b = fixture.client()) {
            Polling.awaitTrue(() -> {
                try {
                    return b.rpc("<get><filter type=\"subtree\"><netconf-state xmlns=\""
                            + "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring\"><sessions/></netconf-state>"
                            + "</filter></get>").split("<session>").length == 2;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "the first session to end");
            assertTrue(runningHasWeight9());
            assertOk(b.rpc("<commit><persist-id>token-1</persist-id></commit>"));
            fixture.advance(Duration.ofHours(1));
            assertTrue(runningHasWeight9());
        }
    }

    @Test
    void wrongPersistIdIsRejected() throws Exception {
        try (TestClient c = fixture.client()) {
            confirmedCommit(c, "<persist>right</persist>");
            String wrong = c.rpc("<commit><persist-id>wrong</persist-id></commit>");
            assertEquals("invalid-value", errorTag(wrong), wrong);
            String missing = c.rpc("<cancel-commit/>");
            assertEquals("invalid-value", errorTag(missing), missing);
            assertTrue(runningHasWeight9());
            assertOk(c.rpc("<cancel-commit><persist-id>right</persist-id></cancel-commit>"));
            assertFalse(runningHasWeight9());
        }
    }

    @Test
    void cancelCommitRollsBackAtOnce() throws Exception {
        try (TestClient c = fixture.client()) {
            confirmedCommit(c, "");
            assertOk(c.rpc("<cancel-commit/>"));
            assertFalse(runningHasWeight9());
            assertEquals(0, fixture.scheduler.pending());
            String none = c.rpc("<cancel-commit/>");
            assertEquals("operation-failed", errorTag(none), none);
        }
    }

    @Test
    void restartStillRollsBack() throws Exception {
        try (TestClient c = fixture.client()) {
            confirmedCommit(c, "<persist>p</persist>");
        }
        fixture.close();
        assertTrue(Files.exists(dir.resolve(ROLLBACK_FILE)));
        Optional<ConfigStore.RollbackPoint> point = ConfigStore.recover(dir, ServiceFixture.SCHEMA);
        assertTrue(point.isPresent());
        assertEquals(5, ConfigReader.read(point.get().content()).provider("isp1").orElseThrow().weight());
        assertFalse(Files.exists(dir.resolve(ROLLBACK_FILE)));
        assertTrue(ConfigStore.recover(dir, ServiceFixture.SCHEMA).isEmpty());
    }

    @Test
    void serviceStartRollsBackWhenTheDaemonDidNotRecover() throws Exception {
        try (TestClient c = fixture.client()) {
            confirmedCommit(c, "<persist>p</persist>");
        }
        fixture.close();
        // A daemon that started from the unconfirmed configuration: the service puts the rollback point back.
        fixture = new ServiceFixture(dir, false);
        assertFalse(Files.exists(dir.resolve(ROLLBACK_FILE)));
        assertEquals(5, fixture.applier.last().provider("isp1").orElseThrow().weight());
    }

    @Test
    void confirmedCommitNotificationsTellStartAndTimeout() throws Exception {
        try (TestClient c = fixture.client()) {
            assertOk(c.rpc("<create-subscription xmlns=\"urn:ietf:params:xml:ns:netconf:notification:1.0\"/>"));
            confirmedCommit(c, "<confirm-timeout>5</confirm-timeout>");
            String start = c.notification("netconf-confirmed-commit");
            assertTrue(start.contains("<confirm-event>start</confirm-event>"), start);
            assertTrue(start.contains("<timeout>5</timeout>"), start);
            fixture.advance(Duration.ofSeconds(5));
            String timeout = c.notification("<confirm-event>timeout</confirm-event>");
            assertTrue(timeout.contains("netconf-confirmed-commit"), timeout);
        }
    }
}
