package net.multihome.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
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

/** The store's commit hook: what it sees of each change of running, and what it may do to one. */
class CommitHookTest {
    private static final YangSchema SCHEMA = YangSchema.load();
    private static final ConfigLoader LOADER = new ConfigLoader(SCHEMA);

    @TempDir
    Path dir;
    private final FakeApplier applier = new FakeApplier();
    private final FakeSession alice = new FakeSession(1);
    private final RecordingHook hook = new RecordingHook();
    private ConfigStore store;

    /** Records what it is told; rewrites or refuses when asked to. */
    private static final class RecordingHook implements CommitHook {
        final List<String> seen = new CopyOnWriteArrayList<>();
        ContainerNode rewriteTo;
        StoreException refusal;

        @Override
        public ContainerNode prepare(ContainerNode before, ContainerNode next, Origin origin) {
            seen.add("prepare " + switch (origin) {
                case Origin.Client c -> "client";
                case Origin.PeerPush p -> "peer " + p.base();
                case Origin.Server s -> "server";
                case Origin.Sync s -> "sync";
            });
            return rewriteTo != null ? rewriteTo : next;
        }

        @Override
        public Transaction begin(ContainerNode before, ContainerNode next, MultihomeConfig config, Origin origin)
                throws StoreException {
            seen.add("begin");
            if (refusal != null) {
                throw refusal;
            }
            return new Transaction() {
                @Override
                public void applied() {
                    seen.add("applied");
                }

                @Override
                public void refused() {
                    seen.add("refused");
                }
            };
        }
    }

    @BeforeEach
    void start() throws Exception {
        StartupFile startup = new StartupFile(dir, LOADER);
        startup.save(Examples.seedProviders());
        store = new ConfigStore(SCHEMA, dir, startup, applier,
                new ManualScheduler(Instant.parse("2026-12-04T12:00:00Z")), startup.loadData());
        store.setCommitHook(hook);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private static ContainerNode seedWith(String from, String to) throws Exception {
        return LOADER.parseData(new ByteArrayInputStream(Examples.seedProviders().replace(from, to)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private void candidate(ContainerNode next) throws StoreException {
        store.edit(Datastore.CANDIDATE, current -> next, false, alice);
    }

    private static int weight(ContainerNode content) throws Exception {
        return ConfigReader.read(content).provider("isp1").orElseThrow().weight();
    }

    @Test
    void aClientsCommitIsPreparedBegunAndApplied() throws Exception {
        candidate(seedWith("<weight>5</weight>", "<weight>9</weight>"));
        store.commit(CommitRequest.plain(), alice);
        assertEquals(List.of("prepare client", "begin", "applied"), hook.seen);
    }

    @Test
    void aPushOfThePeerSaysSoWithItsBase() throws Exception {
        candidate(seedWith("<weight>5</weight>", "<weight>9</weight>"));
        store.commit(new CommitRequest(false, Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalLong.of(7)), alice);
        assertEquals("prepare peer 7", hook.seen.getFirst());
    }

    @Test
    void theHooksRewriteIsWhatRunsAndTheCandidateFollows() throws Exception {
        hook.rewriteTo = seedWith("<weight>5</weight>", "<weight>7</weight>");
        candidate(seedWith("<weight>5</weight>", "<weight>9</weight>"));
        store.commit(CommitRequest.plain(), alice);
        assertEquals(7, weight(store.running()));
        assertEquals(7, applier.last().provider("isp1").orElseThrow().weight());
        assertEquals(7, weight(store.content(Datastore.CANDIDATE)));
    }

    @Test
    void aRefusalOfTheHookLeavesTheKernelAndRunningAlone() throws Exception {
        ContainerNode before = store.running();
        hook.refusal = new StoreException(new StoreError.ApplyRefused("the peer refused"));
        candidate(seedWith("<weight>5</weight>", "<weight>9</weight>"));
        StoreException refused = assertThrows(StoreException.class, () -> store.commit(CommitRequest.plain(), alice));
        assertEquals(List.of(new StoreError.ApplyRefused("the peer refused")), refused.errors());
        assertTrue(applier.applied.isEmpty());
        assertEquals(before, store.running());
    }

    @Test
    void aKernelRefusalIsToldToTheHook() throws Exception {
        applier.refusal = List.of("RTNETLINK answers: Invalid argument");
        candidate(seedWith("<weight>5</weight>", "<weight>9</weight>"));
        assertThrows(StoreException.class, () -> store.commit(CommitRequest.plain(), alice));
        assertEquals(List.of("prepare client", "begin", "refused"), hook.seen);
    }

    @Test
    void theServersOwnChangesSayNoSession() throws Exception {
        store.replaceRunning(seedWith("<weight>5</weight>", "<weight>2</weight>"), new CommitHook.Origin.Server());
        assertEquals("prepare server", hook.seen.getFirst());
        assertEquals(2, weight(store.running()));
    }

    @Test
    void aReloadOfStartupIsTheServers() throws Exception {
        store.reloadStartup();
        assertEquals("prepare server", hook.seen.getFirst());
    }

    @Test
    void theRollbackOfAClientsConfirmedCommitIsTheServers() throws Exception {
        candidate(seedWith("<weight>5</weight>", "<weight>9</weight>"));
        store.commit(new CommitRequest(true, Optional.empty(), Optional.empty(), Optional.empty()), alice);
        hook.seen.clear();
        store.cancelCommit(Optional.empty(), alice);
        assertEquals("prepare server", hook.seen.getFirst());
        assertEquals(5, weight(store.running()));
    }

    @Test
    void theRollbackOfAPeersUnconfirmedPushIsSyncsOwnNotTheServers() throws Exception {
        candidate(seedWith("<weight>5</weight>", "<weight>9</weight>"));
        store.commit(new CommitRequest(true, Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalLong.of(7)), alice);
        hook.seen.clear();
        alice.end();
        store.flush();
        assertEquals("prepare sync", hook.seen.getFirst());
        assertEquals(5, weight(store.running()));
    }
}
