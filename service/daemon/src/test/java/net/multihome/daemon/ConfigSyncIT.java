package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.multihome.core.config.ConfigLoader;
import net.multihome.core.sync.NodeLocalMarks;
import net.multihome.core.sync.SharedConfig;
import net.multihome.core.yang.YangSchema;
import net.multihome.testing.Await;
import net.multihome.testing.CommandResult;
import net.multihome.testing.Commands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * Config sync of the pair lab ({@code lab up --pair}, which wires both routers' client keys),
 * driven as the NOC would, with ncclient inside each router's namespace: a commit on a reaches
 * b's running and kernel within the commit; a commit b's kernel refuses changes neither router,
 * nor does one a's kernel refuses (b's confirmed commit is cancelled);
 * b refuses pushes that are not newer; with the sync link down a commits alone and b catches up
 * when it returns; a split brain ends diverged on both until sync-to-peer; the server's own
 * changes on a (a confirmed commit's rollback, a SIGHUP reload) reach b; a restarted b that
 * missed a commit takes a's configuration at start; a commit on b after the link returns, before
 * a pushed what it committed alone, is refused in-use and b takes a's, never diverged. One lab
 * for the class, the tests in order, each leaving the pair in sync.
 */
@Tag("netns")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfigSyncIT {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("src/test/resources/pair_sync_client.py").toAbsolutePath();
    private static final String MH = "xmlns=\"urn:multihome:yang:multihome\"";
    private static final Duration SYNC = Duration.ofSeconds(2);
    /** The retry backoff tops out at 8 s; room for a loaded machine on top. */
    private static final Duration CATCH_UP = Duration.ofSeconds(30);
    /** A provider on if3, its address learned from the interface, its gateway 10.99.0.1. */
    private static final String ISP3 = "<multihome " + MH + "><provider><name>isp3</name><interface>if3</interface>"
            + "<ipv4><gateway>10.99.0.1</gateway></ipv4><table>103</table></provider></multihome>";
    private static final Pattern PASSPHRASE = Pattern.compile("<(auth|priv)-passphrase>[^<]*</\\1-passphrase>");
    private static final Pattern MULTIHOME = Pattern.compile("(?s)<multihome[ >].*</multihome>");
    private static final YangSchema SCHEMA = YangSchema.load();
    private static final SharedConfig SHARED = new SharedConfig(NodeLocalMarks.of(SCHEMA));

    private Lab lab;

    @BeforeAll
    void up(@TempDir Path dir) throws Exception {
        assumeTrue(NcclientScript.available(), "needs /usr/bin/python3 with ncclient (python3-ncclient)");
        lab = Lab.pair(dir);
        assertTrue(Await.within(Duration.ofSeconds(60), () -> syncState("a").startsWith("state=in-sync")
                && syncState("b").startsWith("state=in-sync")), () -> "not in sync: " + syncState("a") + logs());
    }

    @AfterAll
    void down() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void aCommitOnAIsOnBWhenItReturnsAndBsKernelFollows() throws Exception {
        CommandResult commit = client("a", "edit", provider("isp1", "<weight>3</weight>"));
        assertEquals(0, commit.exitCode(), commit.output() + logs());
        long took = Long.parseLong(commit.output().replaceAll("(?s).*took-ms=(\\d+).*", "$1"));
        System.out.println("config sync: the commit on a, pushed to b, took " + took + " ms");
        assertTrue(took < SYNC.toMillis(), "the commit with its push took " + took + " ms");
        // The commit returns once b confirmed: b's running has it at the first look.
        assertTrue(running("b").contains("<weight>3</weight>"), running("b"));
        assertEqualShared();
        assertTrue(Await.within(SYNC, () -> ourRoutes("b").contains("dev if1 weight 3")),
                () -> "b's multipath default route: " + ourRoutes("b"));
        assertTrue(syncState("a").startsWith("state=in-sync | epoch=1 | peer-epoch=1"), syncState("a"));
        String status = lab.lab("status");
        assertTrue(status.contains("sync:      in-sync, epoch 1, peer at 1") && status.contains("sync key:  ssh-ed25519 "),
                status);
    }

    @Test
    @Order(2)
    void aCommitBsKernelRefusesChangesNeitherRouter() throws Exception {
        // if3 on both routers, on different networks: the gateway of a's isp3 is off b's link.
        for (String[] r : List.of(new String[] {"a", "10.99.0.2/24"}, new String[] {"b", "10.98.0.3/24"})) {
            lab.in(r[0], "ip", "link", "add", "if3", "type", "veth", "peer", "name", "if3p");
            lab.in(r[0], "ip", "link", "set", "if3p", "up");
            lab.in(r[0], "ip", "addr", "add", r[1], "dev", "if3");
            lab.in(r[0], "ip", "link", "set", "if3", "up");
        }
        String runningA = running("a");
        String runningB = running("b");
        String routesA = ourRoutes("a");

        CommandResult commit = client("a", "edit", ISP3);

        assertEquals(3, commit.exitCode(), commit.output());
        assertTrue(commit.output().contains("198.18.0.2") && commit.output().contains("table 103"), commit.output());
        assertEquals(runningA, running("a"), "a's running is as it was");
        assertEquals(runningB, running("b"), "b's running is as it was");
        assertEquals(routesA, ourRoutes("a"), "a's routes are as they were");
        assertFalse(ourRoutes("b").contains("table 103"), ourRoutes("b"));
        assertTrue(syncState("a").contains("epoch=1 | peer-epoch=1"), syncState("a"));
    }

    @Test
    @Order(3)
    void aCommitAsKernelRefusesIsCancelledOnB() throws Exception {
        // Now the other way round: isp3's gateway is on b's if3 network but off a's.
        for (String[] r : List.of(new String[] {"a", "10.98.0.2/24"}, new String[] {"b", "10.99.0.3/24"})) {
            lab.in(r[0], "ip", "addr", "flush", "dev", "if3");
            lab.in(r[0], "ip", "addr", "add", r[1], "dev", "if3");
        }
        String runningA = running("a");
        String runningB = running("b");

        CommandResult commit = client("a", "edit", ISP3);

        assertEquals(3, commit.exitCode(), commit.output());
        assertTrue(commit.output().contains("table 103") && !commit.output().contains("198.18.0.2"),
                "a's own kernel refused: " + commit.output());
        assertEquals(runningA, running("a"), "a's running is as it was");
        assertEquals(runningB, running("b"), "b took the push, then the cancel-commit");
        assertFalse(ourRoutes("b").contains("table 103"), ourRoutes("b"));
        assertTrue(syncState("a").contains("epoch=1 | peer-epoch=1"), syncState("a"));
    }

    @Test
    @Order(4)
    void bRefusesAPushWhoseEpochIsNotNewer() throws Exception {
        String runningB = running("b");
        long epoch = epoch("b");
        for (long pushed : new long[] {epoch, epoch - 1}) {
            String push = multihome(runningB).replace("<weight>3</weight>", "<weight>9</weight>")
                    .replace("<epoch>" + epoch + "</epoch>", "<epoch>" + pushed + "</epoch>");
            CommandResult refused = client("b", "push", Long.toString(epoch), push);
            assertEquals(3, refused.exitCode(), refused.output());
            assertTrue(refused.output().contains("not newer") && refused.output().contains("config-sync-epoch"),
                    refused.output());
        }
        assertEquals(runningB, running("b"));
    }

    @Test
    @Order(5)
    void withTheSyncLinkDownACommitsAloneAndBCatchesUp() throws Exception {
        lab.in("a", "ip", "link", "set", "sync0", "down");
        try {
            CommandResult commit = client("a", "edit", provider("isp2", "<weight>4</weight>"));
            assertEquals(0, commit.exitCode(), commit.output());
            assertTrue(syncState("a").startsWith("state=peer-unreachable"), syncState("a"));
            assertFalse(running("b").contains("<weight>4</weight>"));
            // The peer known silent: committed alone without another push attempt, and pushed later all the same.
            CommandResult second = client("a", "edit", provider("isp1", "<description>committed alone</description>"));
            assertEquals(0, second.exitCode(), second.output());
        } finally {
            lab.in("a", "ip", "link", "set", "sync0", "up");
        }
        assertTrue(Await.within(CATCH_UP, () -> running("b").contains("<weight>4</weight>")
                        && running("b").contains("<description>committed alone</description>")),
                () -> "b did not catch up: " + syncState("a") + logs());
        String logA = Files.readString(lab.runDir.resolve("a").resolve("daemon.log"));
        assertTrue(logA.contains("is committed here alone and pushed once it does"), logs());
        assertTrue(Await.within(SYNC, () -> syncState("a").startsWith("state=in-sync")), () -> syncState("a"));
        assertEqualShared();
    }

    @Test
    @Order(6)
    void aSplitBrainEndsDivergedOnBothUntilSyncToPeer() throws Exception {
        lab.in("a", "ip", "link", "set", "sync0", "down");
        try {
            assertEquals(0, client("a", "edit", provider("isp1", "<weight>5</weight>")).exitCode());
            assertEquals(0, client("b", "edit", provider("isp1", "<weight>6</weight>")).exitCode());
        } finally {
            lab.in("a", "ip", "link", "set", "sync0", "up");
        }
        assertTrue(Await.within(CATCH_UP, () -> syncState("a").startsWith("state=diverged")
                && syncState("b").startsWith("state=diverged")),
                () -> "not diverged: a " + syncState("a") + ", b " + syncState("b") + logs());
        assertTrue(running("a").contains("<weight>5</weight>"), "a's change stays");
        assertTrue(running("b").contains("<weight>6</weight>"), "b's change stays");

        CommandResult sync = client("a", "sync-to-peer");
        assertEquals(0, sync.exitCode(), sync.output() + logs());
        assertTrue(running("b").contains("<weight>5</weight>"), running("b"));
        assertEqualShared();
        assertTrue(syncState("a").startsWith("state=in-sync"), syncState("a"));
        assertTrue(syncState("b").startsWith("state=in-sync"), syncState("b"));
    }

    @Test
    @Order(7)
    void anSnmpUserAddedOnAAnswersOnBWithThePassphrasesSealedByBsOwnKey() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/snmpget")), "needs snmpget (Debian snmp)");
        CommandResult commit = client("a", "edit", "<multihome " + MH + "><management><snmp><listen>"
                + "<address>127.0.0.1</address><port>161</port></listen><user><name>v3noc</name>"
                + "<auth-passphrase>noc-auth-pass-1</auth-passphrase><priv-passphrase>noc-priv-pass-1</priv-passphrase>"
                + "</user></snmp></management></multihome>");
        assertEquals(0, commit.exitCode(), commit.output() + logs());
        for (String router : List.of("a", "b")) {
            String running = running(router);
            assertTrue(running.contains("v3noc") && running.contains("$aes256gcm$"), running);
            assertFalse(running.contains("noc-auth-pass-1") || running.contains("noc-priv-pass-1"), running);
            List<String> v3 = List.of("ip", "netns", "exec", lab.prefix + "-" + router, "snmpget", "-v3", "-l",
                    "authPriv", "-u", "v3noc", "-a", "SHA-256", "-A", "noc-auth-pass-1", "-x", "AES", "-X",
                    "noc-priv-pass-1", "-t", "1", "-r", "0", "-Oqv", "127.0.0.1:161", "1.3.6.1.2.1.1.3.0");
            AtomicReference<CommandResult> last = new AtomicReference<>();
            assertTrue(Await.within(Duration.ofSeconds(15), () -> {
                last.set(Commands.run(v3, Map.of(), Duration.ofSeconds(10)));
                return last.get().succeeded();
            }), () -> router + ": " + last.get().output() + logs());
        }
        assertTrue(syncState("a").startsWith("state=in-sync"), syncState("a"));
    }

    @Test
    @Order(8)
    void aConfirmedCommitOnAWhoseConfirmTimesOutIsRolledBackOnBToo() throws Exception {
        long before = epoch("a");
        CommandResult commit = client("a", "confirmed-edit", "3", provider("isp2", "<weight>8</weight>"));
        assertEquals(0, commit.exitCode(), commit.output() + logs());
        assertTrue(running("b").contains("<weight>8</weight>"), "b took the push at once: " + running("b"));

        assertTrue(Await.within(CATCH_UP, () -> !running("a").contains("<weight>8</weight>")),
                () -> "a did not roll back: " + syncState("a") + logs());
        assertTrue(Await.within(SYNC, () -> !running("b").contains("<weight>8</weight>")),
                () -> "b kept the change a rolled back: " + syncState("b") + logs());
        assertEqualShared();
        assertTrue(Await.within(SYNC, () -> syncState("a").startsWith("state=in-sync")
                && syncState("b").startsWith("state=in-sync")), () -> syncState("a") + " / " + syncState("b"));
        assertEquals(before + 2, epoch("a"), "the rollback is a change of its own: " + syncState("a"));
        assertEquals(epoch("a"), epoch("b"), syncState("b"));
    }

    @Test
    @Order(9)
    void aReloadOnAOfAStartupThatDiffersIsPushedToB() throws Exception {
        long before = epoch("a");
        String running = multihome(running("a"));
        String startup = running.replace("<weight>4</weight>", "<weight>2</weight>");
        assertFalse(startup.equals(running), running);
        CommandResult saved = client("a", "set-startup", startup);
        assertEquals(0, saved.exitCode(), saved.output());

        String pid = Files.readString(lab.runDir.resolve("a").resolve("daemon.pid")).strip();
        Commands.run(List.of("kill", "-HUP", pid), Map.of(), Duration.ofSeconds(10)).orFail();

        assertTrue(Await.within(CATCH_UP, () -> running("b").contains("<weight>2</weight>")),
                () -> "b did not get a's reload: " + syncState("a") + logs());
        assertTrue(running("a").contains("<weight>2</weight>"), running("a"));
        assertEqualShared();
        assertTrue(Await.within(SYNC, () -> syncState("a").startsWith("state=in-sync")
                && syncState("b").startsWith("state=in-sync")), () -> syncState("a") + " / " + syncState("b"));
        assertEquals(before + 1, epoch("a"), syncState("a"));
        assertEquals(epoch("a"), epoch("b"), syncState("b"));
    }

    @Test
    @Order(10)
    void aRestartedBThatMissedACommitTakesAsConfigurationAtStart() throws Exception {
        lab.lab("stop-daemon", "b");
        try {
            CommandResult commit = client("a", "edit", provider("isp1", "<weight>7</weight>"));
            assertEquals(0, commit.exitCode(), commit.output());
            assertTrue(syncState("a").startsWith("state=peer-unreachable"), syncState("a"));
        } finally {
            lab.lab(Duration.ofSeconds(120), "start-daemon", "b");
        }
        // b starts on its startup, the factory configuration at epoch 0, far behind a.
        assertTrue(Await.within(CATCH_UP, () -> running("b").contains("<weight>7</weight>")
                && syncState("a").startsWith("state=in-sync") && syncState("b").startsWith("state=in-sync")),
                () -> "b did not catch up: a " + syncState("a") + ", b " + syncState("b") + logs());
        assertEqualShared();
        assertEquals(epoch("a"), epoch("b"), syncState("b"));
        String logB = Files.readString(lab.runDir.resolve("b").resolve("daemon.log"));
        assertTrue(logB.contains("taking the peer's shared configuration"), logs());
    }

    @Test
    @Order(11)
    void commitsOnBothRoutersAtOnceNeverLeaveThePairDiverged() throws Exception {
        // Both clients edit first, then send their commits at the same moment.
        Path go = lab.runDir.resolve("commit-now");
        Files.deleteIfExists(go);
        CompletableFuture<CommandResult> onA = editThenCommitWhen(go, "a", provider("isp1", "<weight>11</weight>"));
        CompletableFuture<CommandResult> onB = editThenCommitWhen(go, "b", provider("isp2", "<weight>12</weight>"));
        try {
            Await.until("both clients' edits", () -> Files.exists(edited(go, "a")) && Files.exists(edited(go, "b")));
        } finally {
            // Also on failure, so that neither client is left holding its edit.
            Files.writeString(go, "go");
        }
        for (CommandResult commit : List.of(onA.get(90, TimeUnit.SECONDS), onB.get(90, TimeUnit.SECONDS))) {
            // Each is committed on both routers, or refused on both: the peer was committing.
            assertTrue(commit.exitCode() == 0 || commit.exitCode() == 3, commit.output());
            // Refused at once: a router that pushes denies its peer's lock instead of letting it wait on its store.
            assertFalse(commit.output().contains("did not answer the lock"), commit.output());
        }
        assertTrue(Await.within(SYNC, () -> syncState("a").startsWith("state=in-sync")
                && syncState("b").startsWith("state=in-sync")),
                () -> "a " + syncState("a") + ", b " + syncState("b") + logs());
        assertEqualShared();
        assertEquals(epoch("a"), epoch("b"), syncState("b"));
        System.out.println("config sync: commits at once on a and b: a " + onA.get().output().strip() + "; b "
                + onB.get().output().strip());
    }

    @Test
    @Order(12)
    void aCommitWhileBsCandidateIsLockedIsRefusedInUseOnBothAndGoesThroughOnceReleased() throws Exception {
        String runningA = running("a");
        long epochA = epoch("a");
        Process holder = new ProcessBuilder("ip", "netns", "exec", lab.prefix + "-b", PYTHON.toString(),
                SCRIPT.toString(), "hold-lock", "60").redirectErrorStream(true).start();
        try {
            BufferedReader out = holder.inputReader(StandardCharsets.UTF_8);
            String first = CompletableFuture.supplyAsync(() -> readLine(out)).get(30, TimeUnit.SECONDS);
            assertEquals("locked", first, "the lock holder on b");
            CommandResult commit = client("a", "edit", provider("isp1", "<weight>13</weight>"));
            assertEquals(3, commit.exitCode(), commit.output());
            assertTrue(commit.output().contains("is committing a change of its own"), commit.output());
            assertEquals(runningA, running("a"));
            assertEquals(epochA, epoch("a"));
            assertFalse(running("b").contains("<weight>13</weight>"), "b took a's refused commit");
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(30, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
        CommandResult commit = client("a", "edit", provider("isp1", "<weight>13</weight>"));
        assertEquals(0, commit.exitCode(), commit.output());
        assertTrue(running("b").contains("<weight>13</weight>"), "b after the lock was released");
        assertTrue(syncState("a").startsWith("state=in-sync"), syncState("a"));
        assertEqualShared();
    }

    @Test
    @Order(13)
    void aCommitOnARestartedBBeforeItsFirstContactIsNotMadeOnItsOldConfiguration() throws Exception {
        lab.lab("stop-daemon", "b");
        try {
            CommandResult commit = client("a", "edit", provider("isp1", "<weight>14</weight>"));
            assertEquals(0, commit.exitCode(), commit.output());
            lab.in("a", "ip", "link", "set", "sync0", "down");
        } finally {
            lab.lab(Duration.ofSeconds(120), "start-daemon", "b");
        }
        try {
            assertTrue(Await.within(CATCH_UP, () -> syncState("b").contains("cannot read the configuration")),
                    () -> "b's first contact: " + syncState("b") + logs());
        } finally {
            lab.in("a", "ip", "link", "set", "sync0", "up");
        }
        // b runs its old startup; whichever comes first (b's commit, its retried first contact, a's
        // retried push, which holds b's candidate meanwhile), b's commit is never made on the
        // configuration the pair has left: it is refused until b took a's, then goes through.
        CommandResult onB = client("b", "edit", provider("isp2", "<weight>15</weight>"));
        System.out.println("config sync: b's commit before its first contact: " + onB.output().strip());
        for (int attempt = 0; onB.exitCode() == 3 && attempt < 3; attempt++) {
            String refusal = onB.output();
            assertTrue(refusal.contains("has not yet taken its peer") || refusal.contains("is locked by session"),
                    refusal);
            assertTrue(Await.within(CATCH_UP, () -> syncState("b").startsWith("state=in-sync")),
                    () -> "b after its refused commit: " + syncState("b") + logs());
            onB = client("b", "edit", provider("isp2", "<weight>15</weight>"));
        }
        assertEquals(0, onB.exitCode(), onB.output());
        assertBothInSyncHolding("<weight>14</weight>", "<weight>15</weight>");
    }

    @Test
    @Order(14)
    void aCommitOnBBeforeAsRetryAfterTheLinkReturnsIsRefusedInUseNotDiverged() throws Exception {
        lab.in("a", "ip", "link", "set", "sync0", "down");
        try {
            CommandResult alone = client("a", "edit", provider("isp1", "<weight>16</weight>"));
            assertEquals(0, alone.exitCode(), alone.output());
            // a's retries back off (0.5, 1, 2 s): the next comes seconds after the link returns.
            Thread.sleep(Duration.ofSeconds(4));
        } finally {
            lab.in("a", "ip", "link", "set", "sync0", "up");
        }
        CommandResult onB = client("b", "edit", provider("isp2", "<weight>17</weight>"));
        System.out.println("config sync: b's commit before a's retry: " + onB.output().strip());
        if (onB.exitCode() != 0) {
            assertEquals(3, onB.exitCode(), onB.output());
            assertTrue(onB.output().contains("changed its configuration while this router was out of its reach"),
                    onB.output());
            assertTrue(Await.within(CATCH_UP, () -> syncState("b").startsWith("state=in-sync")
                    && running("b").contains("<weight>16</weight>")), () -> "b " + syncState("b") + logs());
            onB = client("b", "edit", provider("isp2", "<weight>17</weight>"));
            assertEquals(0, onB.exitCode(), onB.output());
        }
        assertBothInSyncHolding("<weight>16</weight>", "<weight>17</weight>");
    }

    /** Both routers reach in-sync at one epoch with equal shared configuration that holds {@code leaves}. */
    private void assertBothInSyncHolding(String... leaves) throws Exception {
        assertTrue(Await.within(CATCH_UP, () -> syncState("a").startsWith("state=in-sync")
                && syncState("b").startsWith("state=in-sync")),
                () -> "a " + syncState("a") + ", b " + syncState("b") + logs());
        String runningA = running("a");
        for (String leaf : leaves) {
            assertTrue(runningA.contains(leaf), () -> leaf + " is not in a's running:\n" + runningA);
        }
        assertEqualShared();
        assertEquals(epoch("a"), epoch("b"), syncState("b"));
    }

    /**
     * Runs the client's edit-when on {@code router}: it edits, then commits once {@code go}
     * exists; {@link #edited} appears once its edit is done.
     */
    private CompletableFuture<CommandResult> editThenCommitWhen(Path go, String router, String xml) {
        // A thread of its own each: the common pool may have one thread on this machine, and both wait for GO.
        return CompletableFuture.supplyAsync(() -> {
            List<String> command = List.of("ip", "netns", "exec", lab.prefix + "-" + router, PYTHON.toString(),
                    SCRIPT.toString(), "edit-when", go.toString(), xml);
            try {
                Process client = new ProcessBuilder(command).redirectErrorStream(true).start();
                BufferedReader out = client.inputReader(StandardCharsets.UTF_8);
                StringBuilder text = new StringBuilder();
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.equals("edited")) {
                        Files.writeString(edited(go, router), "edited");
                    }
                    text.append(line).append('\n');
                }
                if (!client.waitFor(90, TimeUnit.SECONDS)) {
                    client.destroyForcibly();
                }
                return new CommandResult(command, client.exitValue(), text.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, task -> Thread.ofPlatform().daemon().name("client-" + router).start(task));
    }

    private static Path edited(Path go, String router) {
        return go.resolveSibling(go.getFileName() + "." + router + ".edited");
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String provider(String name, String leaves) {
        return "<multihome " + MH + "><provider><name>" + name + "</name>" + leaves + "</provider></multihome>";
    }

    private void assertEqualShared() throws Exception {
        ContainerNode a = parse(running("a"));
        ContainerNode b = parse(running("b"));
        assertTrue(SHARED.equalShared(a, b), () -> "a's and b's running differ in shared nodes:\n" + running("a")
                + "\n---\n" + running("b"));
    }

    /** {@code data}'s configuration, its passphrases masked: each router seals them with its own key. */
    private static ContainerNode parse(String data) throws Exception {
        String masked = PASSPHRASE.matcher(multihome(data)).replaceAll("<$1-passphrase>masked-passphrase</$1-passphrase>");
        return new ConfigLoader(SCHEMA).parseData(new ByteArrayInputStream(masked.getBytes(StandardCharsets.UTF_8)));
    }

    private static String multihome(String data) {
        Matcher m = MULTIHOME.matcher(data);
        assertTrue(m.find(), data);
        return m.group();
    }

    private long epoch(String router) {
        return Long.parseLong(syncState(router).replaceAll(".*\\| epoch=(\\d+) .*", "$1"));
    }

    /** The routes of multihome (protocol 77) in all of {@code router}'s tables. */
    private String ourRoutes(String router) {
        return lab.in(router, "ip", "-4", "route", "show", "table", "all", "proto", "77");
    }

    private String running(String router) {
        CommandResult r = client(router, "get-config");
        assertEquals(0, r.exitCode(), () -> r.output() + logs());
        return r.output();
    }

    private String syncState(String router) {
        return client(router, "sync-state").output().strip();
    }

    private CommandResult client(String router, String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", lab.prefix + "-" + router,
                PYTHON.toString(), SCRIPT.toString()));
        command.addAll(List.of(args));
        try {
            return Commands.run(command, Map.of(), Duration.ofSeconds(60));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + logs() + threadDump(router), e);
        }
    }

    /**
     * The thread dump of {@code router}'s daemon (the launcher execs java, whose SIGQUIT writes
     * it into the log), for a client that hung.
     */
    private String threadDump(String router) {
        try {
            Path log = lab.runDir.resolve(router).resolve("daemon.log");
            long before = Files.size(log);
            String pid = Files.readString(lab.runDir.resolve(router).resolve("daemon.pid")).strip();
            Commands.run(List.of("kill", "-QUIT", pid), Map.of(), Duration.ofSeconds(10));
            Await.within(Duration.ofSeconds(5), () -> {
                try {
                    return Files.size(log) > before + 1000;
                } catch (IOException e) {
                    return false;
                }
            });
            String text = Files.readString(log);
            return "\n--- " + router + "'s threads\n" + text.substring((int) Math.min(before, text.length()));
        } catch (IOException | RuntimeException | AssertionError e) {
            return "\n--- no thread dump of " + router + ": " + e;
        }
    }

    private String logs() {
        StringBuilder out = new StringBuilder();
        for (String r : List.of("a", "b")) {
            try {
                List<String> lines = Files.readAllLines(lab.runDir.resolve(r).resolve("daemon.log"));
                out.append("\n--- ").append(r).append("/daemon.log (tail)\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
            } catch (IOException e) {
                out.append("\n--- ").append(r).append(": ").append(e);
            }
        }
        return out.toString();
    }
}
