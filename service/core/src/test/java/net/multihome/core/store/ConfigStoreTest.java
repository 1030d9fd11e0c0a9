package net.multihome.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.multihome.core.config.ConfigLoader;
import net.multihome.core.config.ConfigReader;
import net.multihome.core.config.Examples;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.yang.YangSchema;
import net.multihome.testkit.FakeApplier;
import net.multihome.testkit.ManualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/** The store's rules without NETCONF: a fake applier, a manual scheduler, sessions the test ends. */
class ConfigStoreTest {
    private static final YangSchema SCHEMA = YangSchema.load();
    private static final ConfigLoader LOADER = new ConfigLoader(SCHEMA);
    private static final String ISP2_TABLE = "/mh:multihome/mh:provider[mh:name='isp2']/mh:table";
    private static final Duration THIRTY_SECONDS = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private final FakeApplier applier = new FakeApplier();
    private final ManualScheduler scheduler = new ManualScheduler(Instant.parse("2026-12-04T12:00:00Z"));
    private final FakeSession alice = new FakeSession(1);
    private final FakeSession bob = new FakeSession(2);
    private final List<ConfirmEvent> confirmEvents = new CopyOnWriteArrayList<>();
    private final List<Optional<ClientSession>> changedBy = new CopyOnWriteArrayList<>();
    private StartupFile startup;
    private ConfigStore store;

    @BeforeEach
    void start() throws Exception {
        startup = new StartupFile(dir, LOADER);
        startup.save(Examples.seedProviders());
        store = open();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private ConfigStore open() throws Exception {
        ConfigStore opened = new ConfigStore(SCHEMA, dir, startup, applier, scheduler, startup.loadData());
        opened.addRunningListener((before, after, by) -> changedBy.add(by));
        opened.addConfirmListener((event, session, timeout) -> confirmEvents.add(event));
        return opened;
    }

    private static ContainerNode seedWith(String from, String to) throws Exception {
        String doc = Examples.seedProviders();
        assertTrue(doc.contains(from), from);
        return LOADER.parseData(new ByteArrayInputStream(doc.replace(from, to).getBytes(StandardCharsets.UTF_8)));
    }

    private static ConfigStore.Edit<RuntimeException> replaceWith(ContainerNode next) {
        return current -> next;
    }

    private static int weight(ContainerNode content, String provider) throws Exception {
        return ConfigReader.read(content).provider(provider).orElseThrow().weight();
    }

    private void editCandidate(ClientSession session, String from, String to) throws Exception {
        store.edit(Datastore.CANDIDATE, replaceWith(seedWith(from, to)), false, session);
    }

    private void advance(Duration by) {
        scheduler.advance(by);
        store.flush();
    }

    private static CommitRequest confirmed(Duration timeout, Optional<String> persist) {
        return new CommitRequest(true, Optional.of(timeout), persist, Optional.empty());
    }

    private Path rollbackFile() {
        return dir.resolve(RollbackFile.NAME);
    }

    @Test
    void commitAppliesTheCandidateThenMakesItRunning() throws Exception {
        editCandidate(alice, "<weight>5</weight>", "<weight>9</weight>");
        assertTrue(applier.applied.isEmpty());
        assertEquals(5, weight(store.running(), "isp1"));
        store.commit(CommitRequest.plain(), alice);
        assertEquals(9, applier.last().provider("isp1").orElseThrow().weight());
        assertEquals(9, weight(store.running(), "isp1"));
        assertEquals(List.of(Optional.of(alice)), changedBy);
    }

    @Test
    void invalidCandidateLeavesRunningUntouchedAndNamesTheField() throws Exception {
        ContainerNode before = store.running();
        editCandidate(alice, "<table>102</table>", "<table>101</table>");
        StoreException refused = assertThrows(StoreException.class, () -> store.commit(CommitRequest.plain(), alice));
        StoreError.InvalidValue error = (StoreError.InvalidValue) refused.errors().getFirst();
        assertEquals(ISP2_TABLE, error.path());
        assertTrue(error.message().contains("table 101 is already used by provider isp1"), error.message());
        assertTrue(applier.applied.isEmpty());
        assertEquals(before, store.running());
        assertTrue(changedBy.isEmpty());
    }

    @Test
    void kernelRefusalKeepsRunningAndTheCandidate() throws Exception {
        applier.refusal = List.of("RTNETLINK answers: File exists");
        editCandidate(alice, "<weight>1</weight>", "<weight>4</weight>");
        StoreException refused = assertThrows(StoreException.class, () -> store.commit(CommitRequest.plain(), alice));
        assertEquals(List.of(new StoreError.ApplyRefused("RTNETLINK answers: File exists")), refused.errors());
        assertEquals(1, weight(store.running(), "isp2"));
        assertEquals(4, weight(store.content(Datastore.CANDIDATE), "isp2"));
    }

    @Test
    void testOnlyEditValidatesWithoutApplying() throws Exception {
        store.edit(Datastore.RUNNING, replaceWith(seedWith("<weight>5</weight>", "<weight>3</weight>")), true, alice);
        assertTrue(applier.applied.isEmpty());
        assertEquals(5, weight(store.running(), "isp1"));
        assertThrows(StoreException.class, () -> store.edit(Datastore.RUNNING,
                replaceWith(seedWith("<table>102</table>", "<table>101</table>")), true, alice));
    }

    @Test
    void confirmedCommitTimeoutRollsBack() throws Exception {
        editCandidate(alice, "<weight>5</weight>", "<weight>9</weight>");
        store.commit(confirmed(THIRTY_SECONDS, Optional.empty()), alice);
        assertTrue(Files.exists(rollbackFile()));
        assertTrue(store.pendingCommit().isPresent());
        advance(Duration.ofSeconds(29));
        assertEquals(9, weight(store.running(), "isp1"));
        advance(Duration.ofSeconds(1));
        assertEquals(5, weight(store.running(), "isp1"));
        assertEquals(5, applier.last().provider("isp1").orElseThrow().weight());
        assertEquals(5, weight(store.content(Datastore.CANDIDATE), "isp1"));
        assertFalse(Files.exists(rollbackFile()));
        assertTrue(store.pendingCommit().isEmpty());
        assertEquals(List.of(ConfirmEvent.START, ConfirmEvent.TIMEOUT), confirmEvents);
        assertEquals(Optional.empty(), changedBy.getLast());
    }

    @Test
    void confirmingCommitKeepsTheChangeAndStopsTheTimer() throws Exception {
        editCandidate(alice, "<weight>5</weight>", "<weight>9</weight>");
        store.commit(confirmed(THIRTY_SECONDS, Optional.empty()), alice);
        store.commit(CommitRequest.plain(), alice);
        assertEquals(0, scheduler.pending());
        assertFalse(Files.exists(rollbackFile()));
        advance(Duration.ofHours(1));
        assertEquals(9, weight(store.running(), "isp1"));
        assertEquals(List.of(ConfirmEvent.START, ConfirmEvent.COMPLETE), confirmEvents);
    }

    @Test
    void onlyTheCommittingSessionOrThePersistIdConfirms() throws Exception {
        editCandidate(alice, "<weight>5</weight>", "<weight>9</weight>");
        store.commit(confirmed(THIRTY_SECONDS, Optional.empty()), alice);
        StoreException other = assertThrows(StoreException.class, () -> store.commit(CommitRequest.plain(), bob));
        assertEquals(List.of(new StoreError.ConfirmPending(1)), other.errors());
        StoreException withId = assertThrows(StoreException.class,
                () -> store.cancelCommit(Optional.of("token"), alice));
        assertEquals(List.of(new StoreError.ConfirmMismatch("the pending confirmed commit has no persist-id")),
                withId.errors());
        store.cancelCommit(Optional.empty(), alice);
        assertEquals(5, weight(store.running(), "isp1"));
        StoreException none = assertThrows(StoreException.class, () -> store.cancelCommit(Optional.empty(), alice));
        assertEquals(List.of(new StoreError.NoPendingCommit()), none.errors());
    }

    @Test
    void sessionEndWithoutPersistRollsBackAndPersistSurvivesIt() throws Exception {
        editCandidate(alice, "<weight>5</weight>", "<weight>9</weight>");
        store.commit(confirmed(THIRTY_SECONDS, Optional.empty()), alice);
        alice.end();
        store.flush();
        assertEquals(5, weight(store.running(), "isp1"));

        editCandidate(bob, "<weight>5</weight>", "<weight>8</weight>");
        store.commit(confirmed(THIRTY_SECONDS, Optional.of("p")), bob);
        bob.end();
        store.flush();
        assertEquals(8, weight(store.running(), "isp1"));
        FakeSession carol = new FakeSession(3);
        store.commit(new CommitRequest(false, Optional.empty(), Optional.empty(), Optional.of("p")), carol);
        advance(Duration.ofHours(1));
        assertEquals(8, weight(store.running(), "isp1"));
    }

    @Test
    void locksRefuseOtherSessionsAndEndWithTheirSession() throws Exception {
        store.lock(Datastore.RUNNING, alice);
        assertEquals(1, store.lockOf(Datastore.RUNNING).orElseThrow().sessionId());
        StoreException denied = assertThrows(StoreException.class, () -> store.lock(Datastore.RUNNING, bob));
        assertEquals(List.of(new StoreError.LockDenied(Datastore.RUNNING, 1)), denied.errors());
        StoreException inUse = assertThrows(StoreException.class, () -> store.edit(Datastore.RUNNING,
                replaceWith(seedWith("<weight>5</weight>", "<weight>2</weight>")), false, bob));
        assertEquals(List.of(new StoreError.InUse(Datastore.RUNNING, 1)), inUse.errors());
        StoreException notHis = assertThrows(StoreException.class, () -> store.unlock(Datastore.RUNNING, bob));
        assertEquals(List.of(new StoreError.LockedByOther(Datastore.RUNNING, 1)), notHis.errors());
        alice.end();
        store.flush();
        assertTrue(store.lockOf(Datastore.RUNNING).isEmpty());
        store.lock(Datastore.RUNNING, bob);
    }

    @Test
    void candidateWithAnotherSessionsChangesCannotBeLocked() throws Exception {
        editCandidate(alice, "<weight>1</weight>", "<weight>4</weight>");
        StoreException denied = assertThrows(StoreException.class, () -> store.lock(Datastore.CANDIDATE, bob));
        assertEquals(List.of(new StoreError.CandidateChanged(1)), denied.errors());
        store.lock(Datastore.CANDIDATE, alice);
    }

    @Test
    void reloadOfAnInvalidStartupKeepsRunning() throws Exception {
        ContainerNode before = store.running();
        startup.save(Examples.seedProviders().replace("<table>102</table>", "<table>101</table>"));
        StoreException refused = assertThrows(StoreException.class, store::reloadStartup);
        assertEquals(ISP2_TABLE, ((StoreError.InvalidValue) refused.errors().getFirst()).path());
        assertTrue(refused.getMessage().startsWith(ISP2_TABLE + ": "), refused.getMessage());
        startup.save("<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><multihome");
        assertThrows(StoreException.class, store::reloadStartup);
        assertTrue(applier.applied.isEmpty());
        assertEquals(before, store.running());
    }

    @Test
    void reloadMakesStartupRunningAndTheCandidateWhateverTheLocks() throws Exception {
        store.lock(Datastore.RUNNING, alice);
        editCandidate(alice, "<weight>1</weight>", "<weight>4</weight>");
        startup.save(Examples.seedProviders().replace("<weight>5</weight>", "<weight>7</weight>"));
        store.reloadStartup();
        assertEquals(7, weight(store.running(), "isp1"));
        assertEquals(store.running(), store.content(Datastore.CANDIDATE));
        assertEquals(List.of(Optional.empty()), changedBy);
    }

    @Test
    void copyToStartupValidatesAndDeleteEmptiesIt() throws Exception {
        assertThrows(StoreException.class, () -> store.copy(seedWith("<table>102</table>", "<table>101</table>"),
                Datastore.STARTUP, alice));
        store.copy(seedWith("<weight>5</weight>", "<weight>6</weight>"), Datastore.STARTUP, alice);
        MultihomeConfig saved = startup.load();
        assertEquals(6, saved.provider("isp1").orElseThrow().weight());
        store.deleteStartup(alice);
        assertNull(store.content(Datastore.STARTUP));
    }

    @Test
    void aRestartRecoversTheRollbackPointOrResumesTheRollback() throws Exception {
        editCandidate(alice, "<weight>5</weight>", "<weight>9</weight>");
        store.commit(confirmed(THIRTY_SECONDS, Optional.of("p")), alice);
        store.close();
        Optional<ConfigStore.RollbackPoint> point = ConfigStore.recover(dir, SCHEMA);
        assertEquals(5, weight(point.orElseThrow().content(), "isp1"));
        assertFalse(Files.exists(rollbackFile()));
        assertTrue(ConfigStore.recover(dir, SCHEMA).isEmpty());

        store = open();
        editCandidate(alice, "<weight>5</weight>", "<weight>9</weight>");
        store.commit(confirmed(THIRTY_SECONDS, Optional.of("p")), alice);
        store.close();
        store = open();
        store.resume();
        assertEquals(5, applier.last().provider("isp1").orElseThrow().weight());
        assertFalse(Files.exists(rollbackFile()));
    }

    @Test
    void readersDoNotWaitWhileTheApplierDoes() throws Exception {
        CountDownLatch applying = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ConfigStore slow = new ConfigStore(SCHEMA, dir, startup, next -> {
            applying.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ApplyOutcome.ok();
        }, scheduler, startup.loadData());
        try {
            ContainerNode before = slow.running();
            ContainerNode next = seedWith("<weight>5</weight>", "<weight>9</weight>");
            CompletableFuture<Void> commit = CompletableFuture.runAsync(() -> {
                try {
                    slow.edit(Datastore.RUNNING, replaceWith(next), false, alice);
                } catch (StoreException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(applying.await(10, TimeUnit.SECONDS));
            assertEquals(before, slow.running());
            assertTrue(slow.lockOf(Datastore.RUNNING).isEmpty());
            release.countDown();
            commit.get(10, TimeUnit.SECONDS);
            assertEquals(next, slow.running());
        } finally {
            release.countDown();
            slow.close();
        }
    }
}
