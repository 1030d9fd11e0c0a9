package net.multihome.netconf.service;

import static net.multihome.netconf.service.Replies.all;
import static net.multihome.netconf.service.Replies.assertOk;
import static net.multihome.netconf.service.Replies.editConfig;
import static net.multihome.netconf.service.Replies.errorMessage;
import static net.multihome.netconf.service.Replies.errorPath;
import static net.multihome.netconf.service.Replies.errorTag;
import static net.multihome.netconf.service.Replies.getConfig;
import static net.multihome.netconf.service.Replies.target;
import static net.multihome.netconf.service.ServiceFixture.MH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.multihome.netconf.testing.Polling;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The datastore operations through a real server, with the seed configuration running. */
class DatastoreOperationsTest {
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
    void operationAndParametersWithoutNamespaceAreReadAsBase() throws Exception {
        try (TestClient c = fixture.client()) {
            // xmlns="" undoes the rpc's default namespace, as ncclient's <nc:rpc><get-config/> does.
            String reply = c.rpc("<get-config xmlns=\"\"><source><running/></source>"
                    + "<filter type=\"subtree\"><multihome xmlns=\"" + ServiceFixture.MH + "\"/></filter></get-config>");
            assertFalse(reply.contains("<rpc-error>"), reply);
            assertTrue(reply.contains("isp1"), reply);
            String get = c.rpc("<get xmlns=\"\"/>");
            assertFalse(get.contains("<rpc-error>"), get);
            assertTrue(get.contains("<data"), get);
        }
    }

    @Test
    void getConfigReturnsTheSeededRunningConfiguration() throws Exception {
        try (TestClient c = fixture.client()) {
            String reply = c.rpc(getConfig("running"));
            assertEquals(List.of("isp1", "isp2"), all(reply, MH, "name"));
            assertEquals(List.of("101", "102"), all(reply, MH, "table"));
        }
    }

    @Test
    void subtreeFilterSelectsOneProviderByContentMatch() throws Exception {
        try (TestClient c = fixture.client()) {
            String reply = c.rpc("<get-config><source><running/></source><filter type=\"subtree\">"
                    + "<multihome xmlns=\"" + MH + "\"><provider><name>isp2</name><table/></provider></multihome>"
                    + "</filter></get-config>");
            assertEquals(List.of("isp2"), all(reply, MH, "name"));
            assertEquals(List.of("102"), all(reply, MH, "table"));
            assertEquals(List.of(), all(reply, MH, "interface"), reply);
            assertEquals(List.of(), all(reply, MH, "balancing"), reply);
        }
    }

    @Test
    void emptyFilterSelectsNothing() throws Exception {
        try (TestClient c = fixture.client()) {
            String reply = c.rpc("<get-config><source><running/></source><filter type=\"subtree\"/></get-config>");
            assertEquals(List.of(), all(reply, MH, "multihome"), reply);
        }
    }

    @Test
    void editOnRunningAppliesThroughThePortAndChangesRunning() throws Exception {
        try (TestClient c = fixture.client()) {
            assertOk(c.rpc(editConfig("running", "<provider><name>isp1</name><weight>7</weight></provider>")));
            assertEquals(7, fixture.applier.last().provider("isp1").orElseThrow().weight());
            assertTrue(c.rpc(getConfig("running")).contains("<weight>7</weight>"));
        }
    }

    @Test
    void editWithBadTableIdReturnsErrorPathAndLeavesRunningUntouched() throws Exception {
        try (TestClient c = fixture.client()) {
            String reply = c.rpc(editConfig("running", "<provider><name>isp1</name><table>253</table></provider>"));
            assertEquals("invalid-value", errorTag(reply), reply);
            assertEquals("/mh:multihome/mh:provider[mh:name='isp1']/mh:table", errorPath(reply));
            assertTrue(fixture.applier.applied.isEmpty());
            assertTrue(c.rpc(getConfig("running")).contains("<table>101</table>"));
        }
    }

    @Test
    void duplicateTableIdIsRefusedByTheSemanticChecksWithItsPath() throws Exception {
        try (TestClient c = fixture.client()) {
            String reply = c.rpc(editConfig("running", "<provider><name>isp2</name><table>101</table></provider>"));
            assertEquals("invalid-value", errorTag(reply), reply);
            assertTrue(errorPath(reply).startsWith("/mh:multihome/mh:provider["), reply);
            assertTrue(fixture.applier.applied.isEmpty());
        }
    }

    @Test
    void kernelRefusalReturnsTheKernelsMessageAndRunningStaysAsItWas() throws Exception {
        fixture.applier.refusal = List.of("RTNETLINK answers: Network is unreachable");
        try (TestClient c = fixture.client()) {
            String reply = c.rpc(editConfig("running", "<provider><name>isp1</name><weight>9</weight></provider>"));
            assertEquals("operation-failed", errorTag(reply), reply);
            assertEquals(List.of("application"), all(reply, TestClient.BASE, "error-type"));
            assertEquals("RTNETLINK answers: Network is unreachable", errorMessage(reply));
            assertTrue(c.rpc(getConfig("running")).contains("<weight>5</weight>"));
        }
    }

    @Test
    void unknownElementIsNamedWithItsParentPath() throws Exception {
        try (TestClient c = fixture.client()) {
            String reply = c.rpc(editConfig("running", "<provider><name>isp1</name><colour>red</colour></provider>"));
            assertEquals("unknown-element", errorTag(reply), reply);
            assertEquals("/mh:multihome/mh:provider[mh:name='isp1']", errorPath(reply));
        }
    }

    @Test
    void createOfAnExistingEntryIsDataExistsAndDeleteOfAMissingOneDataMissing() throws Exception {
        try (TestClient c = fixture.client()) {
            String exists = c.rpc(editConfig("running", "<provider xmlns:nc=\"" + TestClient.BASE
                    + "\" nc:operation=\"create\"><name>isp1</name><interface>if9</interface><table>109</table>"
                    + "</provider>"));
            assertEquals("data-exists", errorTag(exists), exists);
            String missing = c.rpc(editConfig("running", "<provider xmlns:nc=\"" + TestClient.BASE
                    + "\" nc:operation=\"delete\"><name>isp9</name></provider>"));
            assertEquals("data-missing", errorTag(missing), missing);
            assertEquals("/mh:multihome/mh:provider[mh:name='isp9']", errorPath(missing));
            assertOk(c.rpc(editConfig("running", "<provider xmlns:nc=\"" + TestClient.BASE
                    + "\" nc:operation=\"remove\"><name>isp9</name></provider>")));
            assertTrue(fixture.applier.applied.size() <= 1);
        }
    }

    @Test
    void deleteAndReplaceChangeOnlyTheirSubtrees() throws Exception {
        try (TestClient c = fixture.client()) {
            assertOk(c.rpc(editConfig("running", "<provider xmlns:nc=\"" + TestClient.BASE
                    + "\" nc:operation=\"delete\"><name>isp2</name></provider>")));
            assertEquals(List.of("isp1"), all(c.rpc(getConfig("running")), MH, "name"));
            assertOk(c.rpc(editConfig("running", "<provider xmlns:nc=\"" + TestClient.BASE
                    + "\" nc:operation=\"replace\"><name>isp1</name><interface>if1</interface><table>101</table>"
                    + "</provider>")));
            String after = c.rpc(getConfig("running"));
            assertFalse(after.contains("<weight>"), after);
            assertTrue(after.contains("<table>101</table>"), after);
        }
    }

    @Test
    void choosingAnotherCaseRemovesTheNodesOfTheOldOne() throws Exception {
        try (TestClient c = fixture.client()) {
            assertOk(c.rpc(editConfig("running", "<policy><name>web</name><priority>10</priority><match>"
                    + "<destination-prefix>192.0.2.0/24</destination-prefix></match><provider>isp1</provider>"
                    + "<when-down>drop</when-down></policy>")));
            assertOk(c.rpc(editConfig("running", "<policy><name>web</name><balanced/></policy>")));
            String reply = c.rpc("<get-config><source><running/></source><filter type=\"subtree\"><multihome xmlns=\""
                    + MH + "\"><policy/></multihome></filter></get-config>");
            assertEquals(List.of(), all(reply, MH, "when-down"), reply);
            assertEquals(List.of(), all(reply, MH, "provider"), reply);
            assertEquals(1, all(reply, MH, "balanced").size(), reply);
        }
    }

    @Test
    void unknownOperationAttributeIsBadAttribute() throws Exception {
        try (TestClient c = fixture.client()) {
            String reply = c.rpc(editConfig("running", "<provider xmlns:nc=\"" + TestClient.BASE
                    + "\" nc:operation=\"frobnicate\"><name>isp1</name></provider>"));
            assertEquals("bad-attribute", errorTag(reply), reply);
        }
    }

    @Test
    void testOnlyValidatesWithoutChangingRunning() throws Exception {
        try (TestClient c = fixture.client()) {
            assertOk(c.rpc("<edit-config>" + target("running") + "<test-option>test-only</test-option><config>"
                    + "<multihome xmlns=\"" + MH + "\"><provider><name>isp1</name><weight>3</weight></provider>"
                    + "</multihome></config></edit-config>"));
            assertTrue(fixture.applier.applied.isEmpty());
            assertTrue(c.rpc(getConfig("running")).contains("<weight>5</weight>"));
        }
    }

    @Test
    void candidateEditIsAppliedOnlyByCommit() throws Exception {
        try (TestClient c = fixture.client()) {
            assertOk(c.rpc(editConfig("candidate", "<provider><name>isp2</name><weight>4</weight></provider>")));
            assertTrue(fixture.applier.applied.isEmpty());
            assertTrue(c.rpc(getConfig("candidate")).contains("<weight>4</weight>"));
            assertFalse(c.rpc(getConfig("running")).contains("<weight>4</weight>"));
            assertOk(c.rpc("<commit/>"));
            assertEquals(4, fixture.applier.last().provider("isp2").orElseThrow().weight());
            assertTrue(c.rpc(getConfig("running")).contains("<weight>4</weight>"));
        }
    }

    @Test
    void commitOfAnInvalidCandidateIsRefusedWithThePath() throws Exception {
        try (TestClient c = fixture.client()) {
            assertOk(c.rpc(editConfig("candidate", "<provider><name>isp2</name><table>101</table></provider>")));
            String validate = c.rpc("<validate><source><candidate/></source></validate>");
            assertEquals("invalid-value", errorTag(validate), validate);
            String commit = c.rpc("<commit/>");
            assertEquals("invalid-value", errorTag(commit), commit);
            assertTrue(errorPath(commit).contains("mh:provider"), commit);
            assertTrue(fixture.applier.applied.isEmpty());
        }
    }

    @Test
    void commitRefusedByTheKernelKeepsRunningAndTheCandidate() throws Exception {
        fixture.applier.refusal = List.of("RTNETLINK answers: File exists");
        try (TestClient c = fixture.client()) {
            assertOk(c.rpc(editConfig("candidate", "<provider><name>isp2</name><weight>4</weight></provider>")));
            String reply = c.rpc("<commit/>");
            assertEquals("operation-failed", errorTag(reply), reply);
            assertEquals("RTNETLINK answers: File exists", errorMessage(reply));
            assertTrue(c.rpc(getConfig("running")).contains("<weight>1</weight>"));
            assertTrue(c.rpc(getConfig("candidate")).contains("<weight>4</weight>"));
        }
    }

    @Test
    void defaultOperationNoneTouchesOnlyWhatCarriesAnOperation() throws Exception {
        try (TestClient c = fixture.client()) {
            assertOk(c.rpc("<edit-config>" + target("running") + "<default-operation>none</default-operation>"
                    + "<config><multihome xmlns=\"" + MH + "\" xmlns:nc=\"" + TestClient.BASE + "\"><provider>"
                    + "<name>isp1</name><weight>8</weight><table-name nc:operation=\"delete\"/></provider>"
                    + "</multihome></config></edit-config>"));
            String running = c.rpc(getConfig("running"));
            assertFalse(running.contains("<table-name>T1</table-name>"), running);
            assertTrue(running.contains("<weight>5</weight>"), running);
        }
    }

    @Test
    void continueOnErrorIsRefusedBecauseAnEditIsAllOrNothing() throws Exception {
        try (TestClient c = fixture.client()) {
            String reply = c.rpc("<edit-config>" + target("running")
                    + "<error-option>continue-on-error</error-option>"
                    + "<config><multihome xmlns=\"" + MH + "\"/></config></edit-config>");
            assertEquals("operation-not-supported", errorTag(reply), reply);
        }
    }

    @Test
    void discardChangesPutsTheCandidateBackToRunning() throws Exception {
        try (TestClient c = fixture.client()) {
            assertOk(c.rpc(editConfig("candidate", "<provider><name>isp2</name><weight>4</weight></provider>")));
            assertOk(c.rpc("<discard-changes/>"));
            assertFalse(c.rpc(getConfig("candidate")).contains("<weight>4</weight>"));
        }
    }

    @Test
    void validateAcceptsTheSeedInlineAndRunning() throws Exception {
        try (TestClient c = fixture.client()) {
            assertOk(c.rpc("<validate><source><config>" + ServiceFixture.seedMultihome()
                    + "</config></source></validate>"));
            assertOk(c.rpc("<validate><source><running/></source></validate>"));
        }
    }

    @Test
    void copyRunningToStartupPersistsAndDeleteConfigEmptiesIt() throws Exception {
        try (TestClient c = fixture.client()) {
            assertOk(c.rpc(editConfig("running", "<provider><name>isp1</name><weight>6</weight></provider>")));
            assertOk(c.rpc("<copy-config>" + target("startup") + "<source><running/></source></copy-config>"));
            assertTrue(Files.readString(fixture.startup.path()).contains("<weight>6</weight>"));
            assertEquals(6, fixture.startup.load().provider("isp1").orElseThrow().weight());
            assertOk(c.rpc("<delete-config>" + target("startup") + "</delete-config>"));
            assertTrue(fixture.startup.load().providers().isEmpty());
            assertEquals(List.of(), all(c.rpc(getConfig("startup")), MH, "provider"));
            String running = c.rpc("<delete-config>" + target("running") + "</delete-config>");
            assertEquals("operation-not-supported", errorTag(running), running);
        }
    }

    @Test
    void copyConfigFromInlineConfigReplacesRunning() throws Exception {
        try (TestClient c = fixture.client()) {
            assertOk(c.rpc("<copy-config>" + target("running") + "<source><config><multihome xmlns=\"" + MH
                    + "\"><provider><name>solo</name><interface>if5</interface><table>105</table></provider>"
                    + "</multihome></config></source></copy-config>"));
            assertEquals(List.of("solo"), all(c.rpc(getConfig("running")), MH, "name"));
            assertEquals("solo", fixture.applier.last().providers().getFirst().name());
        }
    }

    @Test
    void lockDeniedNamesTheHolder() throws Exception {
        try (TestClient a = fixture.client(); TestClient b = fixture.client()) {
            assertOk(a.rpc("<lock>" + target("running") + "</lock>"));
            String denied = b.rpc("<lock>" + target("running") + "</lock>");
            assertEquals("lock-denied", errorTag(denied), denied);
            assertEquals(List.of(Long.toString(a.sessionId)), all(denied, TestClient.BASE, "session-id"));
            String edit = b.rpc(editConfig("running", "<provider><name>isp1</name><weight>2</weight></provider>"));
            assertEquals("in-use", errorTag(edit), edit);
            assertOk(a.rpc(editConfig("running", "<provider><name>isp1</name><weight>2</weight></provider>")));
            assertOk(a.rpc("<unlock>" + target("running") + "</unlock>"));
            assertOk(b.rpc("<lock>" + target("running") + "</lock>"));
        }
    }

    @Test
    void aLockDiesWithItsSession() throws Exception {
        try (TestClient b = fixture.client()) {
            TestClient a = fixture.client();
            assertOk(a.rpc("<lock>" + target("candidate") + "</lock>"));
            a.close();
            Polling.awaitTrue(() -> {
                try {
                    return b.rpc("<lock>" + target("candidate") + "</lock>").contains("<ok/>");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "the candidate lock to be released");
        }
    }

    @Test
    void candidateLockIsRefusedWhileAnotherSessionHasUncommittedChanges() throws Exception {
        try (TestClient a = fixture.client(); TestClient b = fixture.client()) {
            assertOk(a.rpc(editConfig("candidate", "<provider><name>isp2</name><weight>4</weight></provider>")));
            String denied = b.rpc("<lock>" + target("candidate") + "</lock>");
            assertEquals("lock-denied", errorTag(denied), denied);
            assertOk(a.rpc("<lock>" + target("candidate") + "</lock>"));
        }
    }

    @Test
    void withDefaultsReportAllAndTrim() throws Exception {
        try (TestClient c = fixture.client()) {
            String explicit = c.rpc(getConfig("running"));
            assertFalse(explicit.contains("<buckets>"), explicit);
            String all = c.rpc("<get-config><source><running/></source><with-defaults xmlns=\""
                    + "urn:ietf:params:xml:ns:yang:ietf-netconf-with-defaults\">report-all</with-defaults>"
                    + "</get-config>");
            assertTrue(all.contains("<buckets>128</buckets>"), all);
            assertEquals(List.of("icmp", "icmp"), all(all, MH, "method"));
            String trimmed = c.rpc("<get-config><source><running/></source><with-defaults xmlns=\""
                    + "urn:ietf:params:xml:ns:yang:ietf-netconf-with-defaults\">trim</with-defaults></get-config>");
            assertFalse(trimmed.contains("<mode>load-balance</mode>"), trimmed);
            assertTrue(trimmed.contains("<weight>5</weight>"), trimmed);
            String tagged = c.rpc("<get-config><source><running/></source><with-defaults xmlns=\""
                    + "urn:ietf:params:xml:ns:yang:ietf-netconf-with-defaults\">report-all-tagged</with-defaults>"
                    + "</get-config>");
            assertEquals("invalid-value", errorTag(tagged), tagged);
        }
    }

    @Test
    void xpathFiltersAreRefused() throws Exception {
        try (TestClient c = fixture.client()) {
            String reply = c.rpc("<get-config><source><running/></source><filter type=\"xpath\" select=\"/\"/>"
                    + "</get-config>");
            assertEquals("operation-not-supported", errorTag(reply), reply);
        }
    }
}
