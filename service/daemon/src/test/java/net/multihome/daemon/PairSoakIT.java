package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.multihome.core.config.ConfigLoader;
import net.multihome.core.sync.NodeLocalMarks;
import net.multihome.core.sync.SharedConfig;
import net.multihome.core.yang.YangSchema;
import net.multihome.testing.Await;
import net.multihome.testing.CommandResult;
import net.multihome.testing.Commands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * The pair lab ({@code lab up --pair}) as a NOC runs it: on both routers at once, two sessions
 * committing provider weights and descriptions (each session its own leaf, both providers touched
 * from both routers; lock, edit, commit, unlock, since the candidate is shared) and one reading
 * config-sync's state and running, while a's sync link flaps and, in one phase, a confirmed
 * commit on a is left to time out. A commit refused (the candidate locked, the peer committing,
 * a confirmed commit pending) is retried a bounded number of times, after a random pause.
 * Router b's committers park while the sync link is down, so the test never makes a split brain
 * itself: only a commits alone. Afterwards, within a deadline: both routers in-sync at equal
 * epochs with equal shared configuration, every session ended and answered, every commit that
 * returned ok in the final configuration unless its own session overwrote it or the confirmed
 * commit's rollback could have undone it, and each router's multipath default route carrying
 * running's weights. A failure attaches both daemons' logs and thread dumps.
 */
@Tag("netns")
class PairSoakIT {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SYNC_CLIENT = Path.of("src/test/resources/pair_sync_client.py").toAbsolutePath();
    private static final String MH = "xmlns=\"urn:multihome:yang:multihome\"";
    private static final int FLAPS = 3;
    /** Load with the sync link up before each flap, and how long a commits alone. */
    private static final Duration LINK_UP = Duration.ofSeconds(6);
    private static final Duration LINK_DOWN = Duration.ofMillis(2500);
    /** An ok commit slower than this is counted apart in the report. */
    private static final Duration SLOW_COMMIT = Duration.ofSeconds(2);
    /** A committer finishes its commit in flight before it parks: a push waits 5 s per step at most. */
    private static final Duration PARK = Duration.ofSeconds(45);
    private static final int CONFIRMED_ATTEMPTS = 20;
    private static final Duration CONFIRMED_RETRY = Duration.ofMillis(500);
    private static final int CONFIRM_TIMEOUT_SECONDS = 4;
    /** Load after the confirmed commit's rollback, before the sessions are told to stop. */
    private static final Duration TAIL = Duration.ofSeconds(4);
    /** A session's last commit may start just before the stop and has 40 s to be answered. */
    private static final Duration DRAIN = Duration.ofSeconds(60);
    /** The retry backoff tops out at 8 s; room for a loaded machine on top. */
    private static final Duration SETTLE = Duration.ofSeconds(40);
    private static final Pattern PASSPHRASE = Pattern.compile("<(auth|priv)-passphrase>[^<]*</\\1-passphrase>");
    private static final Pattern MULTIHOME = Pattern.compile("(?s)<multihome[ >].*</multihome>");
    private static final Map<String, String> GATEWAYS = Map.of("isp1", "203.0.113.1 dev if1",
            "isp2", "203.0.113.65 dev if2");
    private static final String CONFIRMED_LEAF = "<description>confirmed-never</description>";
    private static final YangSchema SCHEMA = YangSchema.load();
    private static final SharedConfig SHARED = new SharedConfig(NodeLocalMarks.of(SCHEMA));
    private static final Path REPORTS = Path.of("target/failsafe-reports").toAbsolutePath();

    /** A committer: its name, router and the leaf it alone writes. */
    private record Writer(String name, String router, String provider, String leaf) {
    }

    private static final List<Writer> WRITERS = List.of(new Writer("a1", "a", "isp1", "weight"),
            new Writer("a2", "a", "isp2", "description"), new Writer("b1", "b", "isp2", "weight"),
            new Writer("b2", "b", "isp1", "description"));

    @TempDir
    Path dir;

    private Lab lab;
    private final List<PairSoakClient> clients = new ArrayList<>();
    /** When a's sync link was down: pairs of System.nanoTime, for the report. */
    private final List<long[]> linkDowns = new ArrayList<>();

    @AfterEach
    void down() {
        clients.forEach(PairSoakClient::close);
        if (lab != null) {
            try {
                lab.in("a", "ip", "link", "set", "sync0", "up");
            } catch (AssertionError | RuntimeException e) {
                // The lab goes down next anyway.
            }
            lab.close();
        }
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void nocSessionsOnBothRoutersWhileTheSyncLinkFlapsLeaveThePairInSyncWithEveryCommit() throws Exception {
        assumeTrue(NcclientScript.available(), "needs /usr/bin/python3 with ncclient (python3-ncclient)");
        lab = Lab.pair(dir);
        List<String> findings = new ArrayList<>();
        if (!Await.within(Duration.ofSeconds(60), () -> inSync("a") && inSync("b"))) {
            failWith(List.of("the pair lab did not come up in sync: a " + syncState("a") + ", b " + syncState("b")));
        }
        Map<String, String> initial = new LinkedHashMap<>();
        String startRunning = running("a");
        for (Writer w : WRITERS) {
            initial.put(w.name(), leaf(startRunning, w.provider(), w.leaf()));
        }

        Path stop = dir.resolve("stop");
        Path pause = dir.resolve("pause-b");
        for (Writer w : WRITERS) {
            clients.add(PairSoakClient.committer(lab, dir, w.name(), w.router(), stop,
                    w.router().equals("b") ? pause.toString() : "-", w.provider(), w.leaf()));
        }
        clients.add(PairSoakClient.reader(lab, dir, "ra", "a", stop));
        clients.add(PairSoakClient.reader(lab, dir, "rb", "b", stop));

        for (int flap = 0; flap < FLAPS; flap++) {
            Thread.sleep(LINK_UP);
            flapSyncLink(pause, findings);
        }
        long[] window = confirmedCommitLeftToTimeOut(findings);
        Thread.sleep(TAIL);
        Files.writeString(stop, "stop");

        long drainEnd = System.nanoTime() + DRAIN.toNanos();
        Map<String, PairSoakClient.Summary> summaries = new LinkedHashMap<>();
        for (PairSoakClient client : clients) {
            PairSoakClient.Summary s = client.await(Duration.ofNanos(Math.max(0, drainEnd - System.nanoTime())));
            summaries.put(client.name, s);
            if (!s.hung().equals("none")) {
                findings.add("session " + s.name() + " on " + client.router + " hung: " + s.hung() + " " + s.errors());
            } else if (!s.errors().isEmpty()) {
                findings.add("session " + s.name() + " on " + client.router + ": " + s.errors());
            }
        }

        if (!Await.within(SETTLE, () -> inSync("a") && inSync("b") && epoch("a") == epoch("b"))) {
            findings.add("not in sync at equal epochs " + SETTLE.toSeconds() + " s after the load: a " + syncState("a")
                    + ", b " + syncState("b"));
        }
        String runningA = running("a");
        String runningB = running("b");
        if (!SHARED.equalShared(parse(runningA), parse(runningB))) {
            findings.add("a's and b's running differ in shared nodes:\n" + runningA + "\n---\n" + runningB);
        }
        for (Writer w : WRITERS) {
            findings.addAll(commitFindings(w, initial.get(w.name()), summaries.get(w.name()).attempts(), window,
                    leaf(runningA, w.provider(), w.leaf())));
        }
        if (runningA.contains(CONFIRMED_LEAF)) {
            findings.add("the confirmed commit that timed out is still in a's running");
        }
        for (String router : List.of("a", "b")) {
            findings.addAll(kernelFindings(router, router.equals("a") ? runningA : runningB));
        }

        report(summaries, window, linkDowns);
        if (!findings.isEmpty()) {
            failWith(findings);
        }
    }

    /**
     * Parks b's committers, takes a's sync link down for a while (a commits alone), brings it up
     * and lets b's committers go at once.
     */
    private void flapSyncLink(Path pause, List<String> findings) throws Exception {
        Files.writeString(pause, "pause");
        try {
            boolean parked = Await.within(PARK, () -> clients.stream().filter(c -> c.router.equals("b")
                    && !c.name.startsWith("r")).allMatch(c -> !c.alive() || Files.exists(PairSoakClient.parked(dir,
                    c.name))));
            if (!parked) {
                findings.add("b's committers did not park within " + PARK.toSeconds() + " s");
                return;
            }
            long down = System.nanoTime();
            lab.in("a", "ip", "link", "set", "sync0", "down");
            try {
                Thread.sleep(LINK_DOWN);
            } finally {
                lab.in("a", "ip", "link", "set", "sync0", "up");
                linkDowns.add(new long[] {down, System.nanoTime()});
            }
        } finally {
            Files.delete(pause);
        }
    }

    /**
     * A confirmed commit on a, retried while refused (the peer is committing), left to time out;
     * returns the window in which it may have rolled back a commit: from its start to the first
     * look at a's running without it.
     */
    private long[] confirmedCommitLeftToTimeOut(List<String> findings) throws InterruptedException {
        String edit = "<multihome " + MH + "><local-network><prefix>10.0.0.0/24</prefix>" + CONFIRMED_LEAF
                + "</local-network></multihome>";
        long start = System.nanoTime();
        CommandResult commit = null;
        for (int attempt = 0; attempt < CONFIRMED_ATTEMPTS; attempt++) {
            start = System.nanoTime();
            commit = syncClient("a", "confirmed-edit", Integer.toString(CONFIRM_TIMEOUT_SECONDS), edit);
            if (commit.exitCode() == 0) {
                break;
            }
            Thread.sleep(CONFIRMED_RETRY);
        }
        if (commit.exitCode() != 0) {
            findings.add("the confirmed commit was refused " + CONFIRMED_ATTEMPTS + " times: " + commit.output());
            return new long[] {start, System.nanoTime()};
        }
        if (!Await.within(SETTLE, () -> !running("a").contains(CONFIRMED_LEAF))) {
            findings.add("a did not roll back the confirmed commit within " + SETTLE.toSeconds() + " s");
        }
        return new long[] {start, System.nanoTime()};
    }

    /**
     * What a user of session {@code w} expects of its leaf: the value of its last commit that
     * returned ok (its own later commits overwrite earlier ones, nobody else writes the leaf), or
     * an earlier one if the confirmed commit's rollback could have undone the later (it overlapped
     * the window); never a value whose commit was refused.
     */
    private static List<String> commitFindings(Writer w, String initial, List<PairSoakClient.Attempt> attempts,
            long[] window, String actual) {
        List<PairSoakClient.Attempt> ok = attempts.stream().filter(PairSoakClient.Attempt::ok).toList();
        Set<String> expected = new LinkedHashSet<>();
        int i = ok.size() - 1;
        for (; i >= 0; i--) {
            PairSoakClient.Attempt c = ok.get(i);
            expected.add(c.value());
            if (c.endNanos() < window[0] || c.startNanos() > window[1]) {
                break;
            }
        }
        if (i < 0) {
            expected.add(initial);
        }
        if (expected.contains(actual)) {
            return List.of();
        }
        boolean refused = attempts.stream().noneMatch(a -> a.ok() && a.value().equals(actual))
                && attempts.stream().anyMatch(a -> a.value().equals(actual));
        return List.of("session " + w.name() + " (" + w.provider() + " " + w.leaf() + ") committed " + ok.size()
                + " times ok, last ok values " + expected + ", but running has " + actual
                + (refused ? ", the value of a commit that was refused" : ""));
    }

    /** The multipath default route (table 4200) of {@code router} carries running's weights. */
    private List<String> kernelFindings(String router, String running) {
        List<String> expected = new ArrayList<>();
        for (String provider : List.of("isp1", "isp2")) {
            expected.add("nexthop via " + GATEWAYS.get(provider) + " weight " + leaf(running, provider, "weight"));
        }
        if (!Await.within(SETTLE, () -> defaultNexthops(router).equals(expected))) {
            return List.of(router + "'s default route has " + defaultNexthops(router) + ", running's weights are "
                    + expected);
        }
        return List.of();
    }

    private List<String> defaultNexthops(String router) {
        return Arrays.stream(lab.in(router, "ip", "-4", "route", "show", "default", "table", "4200").split("\n"))
                .map(String::strip).filter(l -> l.startsWith("nexthop ")).sorted().toList();
    }

    /** {@code provider}'s {@code leaf} in {@code running}: weight 1 and no description when unset. */
    private static String leaf(String running, String provider, String leaf) {
        Matcher block = Pattern.compile("(?s)<provider>\\s*<name>" + provider + "</name>(.*?)</provider>")
                .matcher(running);
        if (!block.find()) {
            throw new AssertionError("no provider " + provider + " in " + running);
        }
        Matcher value = Pattern.compile("<" + leaf + ">([^<]*)</" + leaf + ">").matcher(block.group(1));
        return value.find() ? value.group(1) : leaf.equals("weight") ? "1" : "";
    }

    /** Commit latency (edit-config and commit, ok only) per router, and how the refusals read. */
    private static void report(Map<String, PairSoakClient.Summary> summaries, long[] window, List<long[]> linkDowns) {
        for (String router : List.of("a", "b")) {
            List<Long> millis = new ArrayList<>();
            Map<String, Integer> refusals = new TreeMap<>();
            int attempts = 0;
            int unanswered = 0;
            List<Long> refusedMillis = new ArrayList<>();
            int slow = 0;
            int slowWhileLinkDown = 0;
            for (PairSoakClient.Summary s : summaries.values()) {
                if (!s.name().startsWith(router)) {
                    continue;
                }
                for (PairSoakClient.Attempt a : s.attempts()) {
                    attempts++;
                    if (a.ok()) {
                        millis.add(a.millis());
                        if (a.millis() > SLOW_COMMIT.toMillis()) {
                            slow++;
                            slowWhileLinkDown += linkDowns.stream()
                                    .anyMatch(d -> a.startNanos() < d[1] && a.endNanos() > d[0]) ? 1 : 0;
                        }
                    } else {
                        String why = a.message().replaceAll("\\d+", "N");
                        unanswered += a.message().contains("did not answer the lock") ? 1 : 0;
                        refusedMillis.add(a.millis());
                        refusals.merge(why.substring(0, Math.min(90, why.length())), 1, Integer::sum);
                    }
                }
            }
            millis.sort(null);
            refusedMillis.sort(null);
            System.out.printf("pair soak: %s: %d commit attempts, %d ok (p50 %d ms, p95 %d ms, max %d ms), refused %s"
                    + " (p50 %d ms, p95 %d ms, max %d ms), of them %d after the peer's lock went unanswered; %d ok"
                    + " commits over %d s, %d of them while a's sync link was down%n", router, attempts, millis.size(),
                    percentile(millis, 0.50), percentile(millis, 0.95), millis.isEmpty() ? 0 : millis.getLast(),
                    refusals, percentile(refusedMillis, 0.50), percentile(refusedMillis, 0.95),
                    refusedMillis.isEmpty() ? 0 : refusedMillis.getLast(), unanswered, slow, SLOW_COMMIT.toSeconds(),
                    slowWhileLinkDown);
        }
        System.out.printf("pair soak: the confirmed commit's window %.1f s; readers %s%n",
                (window[1] - window[0]) / 1e9, summaries.values().stream().filter(s -> s.name().startsWith("r"))
                        .map(s -> s.name() + " " + s.requests() + " requests").toList());
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (p * sorted.size())));
    }

    private void failWith(List<String> findings) throws IOException {
        Files.createDirectories(REPORTS);
        StringBuilder attached = new StringBuilder();
        for (String router : List.of("a", "b")) {
            Path log = REPORTS.resolve("PairSoakIT-" + router + "-daemon.log");
            Files.copy(lab.runDir.resolve(router).resolve("daemon.log"), log, StandardCopyOption.REPLACE_EXISTING);
            attached.append("\n").append(router).append("'s daemon log: ").append(log).append("\n")
                    .append(DaemonJvm.of(lab, router).threadDump(REPORTS.resolve("PairSoakIT-" + router + "-threads.txt")));
        }
        for (PairSoakClient client : clients) {
            Files.copy(dir.resolve(client.name + ".out"), REPORTS.resolve("PairSoakIT-" + client.name + ".out"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        fail("the pair soak:\n- " + String.join("\n- ", findings) + attached + "\nsessions' output: " + REPORTS
                + "/PairSoakIT-*.out");
    }

    private boolean inSync(String router) {
        return syncState(router).startsWith("state=in-sync");
    }

    private long epoch(String router) {
        return Long.parseLong(syncState(router).replaceAll(".*\\| epoch=(\\d+) .*", "$1"));
    }

    private String syncState(String router) {
        return syncClient(router, "sync-state").output().strip();
    }

    private String running(String router) {
        CommandResult r = syncClient(router, "get-config");
        if (r.exitCode() != 0) {
            throw new AssertionError(router + "'s get-config failed: " + r.output());
        }
        return r.output();
    }

    private CommandResult syncClient(String router, String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", lab.prefix + "-" + router,
                PYTHON.toString(), SYNC_CLIENT.toString()));
        command.addAll(List.of(args));
        return Commands.run(command, Map.of(), Duration.ofSeconds(60));
    }

    /** {@code data}'s configuration, its passphrases masked: each router seals them with its own key. */
    private static ContainerNode parse(String data) throws Exception {
        Matcher m = MULTIHOME.matcher(data);
        if (!m.find()) {
            throw new AssertionError("no configuration in " + data);
        }
        String masked = PASSPHRASE.matcher(m.group()).replaceAll("<$1-passphrase>masked-passphrase</$1-passphrase>");
        return new ConfigLoader(SCHEMA).parseData(new ByteArrayInputStream(masked.getBytes(StandardCharsets.UTF_8)));
    }
}
