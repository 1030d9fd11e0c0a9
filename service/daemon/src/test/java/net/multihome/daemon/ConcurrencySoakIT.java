package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.multihome.testing.Await;
import net.multihome.testing.Root;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A minute of what a router in service lives with, all at once: isp1's uplink flapping every
 * 0.4 s, four NETCONF sessions polling state and config and committing weight changes, and an
 * SNMP poller walking the MIB. Afterwards every part of the daemon must still be responsive:
 * every request answered quickly, drift repaired, one trap per logged transition, the kernel's
 * default route as configured, and memory bounded. A failure lists everything that hung, with
 * the daemon's blocked threads.
 */
@Tag("netns")
class ConcurrencySoakIT {

    private static final Duration LOAD = Duration.ofSeconds(60);
    private static final int SESSIONS = 4;
    private static final Duration FLAP_EVERY = Duration.ofMillis(400);
    /** Bounds on the loops, far above what 60 s allow, so that none can run away. */
    private static final int MAX_ROUNDS = 20_000;
    private static final int MAX_SNMP_CALLS = 10_000;
    /** A healthy request takes milliseconds to tens of milliseconds. */
    private static final double P99_LIMIT_MILLIS = 1000;
    /** The clients' last request may start just before the end and has 5 s to be answered. */
    private static final Duration DRAIN = Duration.ofSeconds(10);
    /** isp1 needs five good rounds once the flapping stops; probes in flight may fail first. */
    private static final Duration CONVERGED = Duration.ofSeconds(20);
    private static final Duration REPAIRED = Duration.ofSeconds(1);
    private static final Duration LAST_TRAP = Duration.ofSeconds(5);
    /**
     * RSS may grow by the initial heap (G1 touches its pages only as it allocates into them) plus
     * this much for code cache, metaspace and session buffers; growth beyond that under a steady
     * load means the daemon keeps something per request.
     */
    private static final long NON_HEAP_GROWTH = 128L << 20;
    /** The status change line each pass logs (StatusTracker); the health monitor's own line says from/to. */
    private static final Pattern TRANSITION = Pattern.compile("provider=(\\S+) old=\\S+ new=(\\S+) reason=\"(.*)\"$",
            Pattern.MULTILINE);
    private static final Pattern RUNNING_PROVIDER = Pattern.compile(
            "<provider>\\s*<name>(isp\\d)</name>.*?<weight>(\\d+)</weight>", Pattern.DOTALL);
    private static final Map<String, String> GATEWAYS = Map.of("isp1", "203.0.113.1 dev if1",
            "isp2", "203.0.113.65 dev if2");
    private static final String T1_DEFAULT = "default via 203.0.113.1 dev if1";
    private static final Path REPORTS = Path.of("target/failsafe-reports").toAbsolutePath();

    @TempDir
    Path dir;

    private Lab lab;
    private TrapReceiver traps;
    private LinkFlapper flapper;
    private SnmpPoller snmp;
    private final List<NetconfSoakClient> sessions = new ArrayList<>();

    @BeforeEach
    void tools() throws Exception {
        Root.assume();
        assumeTrue(NcclientScript.available(), "needs /usr/bin/python3 with ncclient (python3-ncclient)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "needs socat for the lab's NETCONF forwarder");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/snmpbulkwalk")), "needs net-snmp's tools (Debian snmp)");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/snmptrapd")), "needs snmptrapd (Debian snmptrapd)");
    }

    @AfterEach
    void down() throws Exception {
        sessions.forEach(NetconfSoakClient::close);
        if (snmp != null) {
            snmp.close();
        }
        if (flapper != null) {
            flapper.close();
        }
        if (traps != null) {
            traps.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aMinuteOfFlapsPollingAndCommitsLeavesEveryPartOfTheDaemonResponsive() throws Exception {
        lab = Lab.up(dir);
        DaemonJvm daemon = DaemonJvm.of(lab);
        traps = TrapReceiver.start(lab, dir);
        assertTrue(Await.within(Duration.ofSeconds(10), traps::listening), "snmptrapd did not start");
        Map<String, Integer> seed = Map.of("isp1", 5, "isp2", 1);
        assertTrue(Await.within(Duration.ofSeconds(10), () -> defaultNexthops().equals(nexthops(seed))),
                () -> "the lab does not start with both providers in the default route: " + defaultNexthops());
        // Transitions of the start (before snmptrapd listened) are not compared: only those from here.
        int trapsBefore = traps.providerNotifications().size();
        int logBefore = lab.daemonLog().length();
        long rssBefore = daemon.rss();

        long loadEnd = System.nanoTime() + LOAD.toNanos();
        flapper = LinkFlapper.start(lab, "if1", FLAP_EVERY, LOAD);
        snmp = SnmpPoller.start(lab, dir, LOAD, MAX_SNMP_CALLS);
        for (int client = 1; client <= SESSIONS; client++) {
            sessions.add(NetconfSoakClient.start(lab, dir, client, LOAD, MAX_ROUNDS));
        }

        List<String> findings = new ArrayList<>();
        boolean netconfAnswers = true;
        long requests = 0;
        double worstP99 = 0;
        for (NetconfSoakClient session : sessions) {
            NetconfSoakClient.Summary s = session.await(untilDrained(loadEnd));
            netconfAnswers &= s.hung().equals("none");
            requests += s.requests();
            worstP99 = Math.max(worstP99, s.p99Millis());
            findings.addAll(netconfFindings(s));
        }
        SnmpPoller.Summary polls = snmp.await(untilDrained(loadEnd));
        findings.addAll(snmpFindings(polls));
        LinkFlapper.Result flaps = flapper.await(untilDrained(loadEnd));
        flaps.failures().forEach(f -> findings.add("link flapping: " + f));
        long rssAfter = daemon.rss();

        findings.addAll(defaultRouteFindings(netconfAnswers));
        findings.addAll(repairFindings());
        findings.addAll(trapFindings(trapsBefore, logBefore));
        long rssLimit = daemon.initialHeap() + NON_HEAP_GROWTH;
        if (rssAfter - rssBefore > rssLimit) {
            findings.add(String.format("RSS grew by %d MB (from %d MB to %d MB), more than %d MB",
                    (rssAfter - rssBefore) >> 20, rssBefore >> 20, rssAfter >> 20, rssLimit >> 20));
        }

        System.out.printf("soak: %d NETCONF requests (worst session p99 %.1f ms), %d SNMP calls (p99 %.1f ms),"
                + " %d link changes, %d traps, RSS %d -> %d MB (limit +%d MB)%n", requests, worstP99, polls.calls(),
                polls.p99Millis(), flaps.changes(), traps.providerNotifications().size() - trapsBefore,
                rssBefore >> 20, rssAfter >> 20, rssLimit >> 20);
        if (!findings.isEmpty()) {
            Files.createDirectories(REPORTS);
            Files.copy(lab.runDir.resolve("daemon.log"), REPORTS.resolve("ConcurrencySoakIT-daemon.log"),
                    StandardCopyOption.REPLACE_EXISTING);
            fail("after " + LOAD.toSeconds() + " s of load (" + flaps.changes() + " link changes):\n- "
                    + String.join("\n- ", findings) + "\n"
                    + daemon.threadDump(REPORTS.resolve("ConcurrencySoakIT-threads.txt"))
                    + "\ndaemon log: " + REPORTS.resolve("ConcurrencySoakIT-daemon.log"));
        }
    }

    private static Duration untilDrained(long loadEnd) {
        return Duration.ofNanos(Math.max(0, loadEnd + DRAIN.toNanos() - System.nanoTime()));
    }

    private static List<String> netconfFindings(NetconfSoakClient.Summary s) {
        List<String> findings = new ArrayList<>();
        String session = "NETCONF session " + s.client() + " (" + s.requests() + " requests)";
        if (!s.hung().equals("none")) {
            return List.of(session + " hung: " + s.hung());
        }
        if (s.errors() > 0) {
            findings.add(session + ": " + s.errors() + " errors " + s.errorLines());
        }
        if (s.p99Millis() > P99_LIMIT_MILLIS) {
            findings.add(session + ": p99 " + s.p99Millis() + " ms, max " + s.maxMillis() + " ms");
        }
        return findings;
    }

    private static List<String> snmpFindings(SnmpPoller.Summary s) {
        List<String> findings = new ArrayList<>();
        if (s.unanswered() > 0) {
            findings.add("SNMP: " + s.unanswered() + " of " + s.calls() + " calls unanswered " + s.failures());
        }
        if (s.p99Millis() > P99_LIMIT_MILLIS) {
            findings.add("SNMP: p99 " + s.p99Millis() + " ms, max " + s.maxMillis() + " ms over " + s.calls()
                    + " calls");
        }
        return findings;
    }

    /** The kernel's main default route carries both providers with running's weights. */
    private List<String> defaultRouteFindings(boolean netconfAnswers) throws Exception {
        if (!netconfAnswers) {
            return List.of("kernel default route not compared with running: NETCONF did not answer; kernel has "
                    + mainDefault());
        }
        NcclientScript.Result running = NcclientScript.run(dir, lab.netconfPort, "get-config");
        if (!running.ok()) {
            return List.of("get-config of running failed after the load: " + running.output());
        }
        Map<String, Integer> weights = new LinkedHashMap<>();
        Matcher m = RUNNING_PROVIDER.matcher(running.output());
        while (m.find()) {
            weights.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        List<String> expected = nexthops(weights);
        if (!Await.within(CONVERGED, () -> defaultNexthops().equals(expected))) {
            return List.of("kernel default route " + mainDefault() + " is not running's " + expected + " "
                    + CONVERGED.toSeconds() + " s after the flapping stopped");
        }
        return List.of();
    }

    /** A route of ours deleted by hand from T1 comes back. */
    private List<String> repairFindings() {
        if (!t1().contains(T1_DEFAULT)) {
            return List.of("T1 has lost its default route (the kernel drops it when if1 goes down) and the daemon"
                    + " has not put it back; table 101: " + t1());
        }
        lab.ip("route", "del", "default", "table", "101");
        if (!Await.within(REPAIRED, () -> t1().contains(T1_DEFAULT))) {
            return List.of("the default route deleted from T1 was not repaired within " + REPAIRED.toMillis()
                    + " ms; table 101: " + t1());
        }
        return List.of();
    }

    private String t1() {
        return lab.ip("route", "show", "table", "101").strip().replace("\n", "; ");
    }

    /** One trap per provider transition the daemon logged, with the same status and reason. */
    private List<String> trapFindings(int trapsBefore, int logBefore) {
        Supplier<List<String>> received = () -> {
            List<String> all = traps.providerNotifications();
            return all.subList(trapsBefore, all.size());
        };
        if (!Await.within(LAST_TRAP, () -> received.get().equals(loggedTransitions(logBefore)))) {
            return List.of("traps received " + received.get() + " are not the transitions logged "
                    + loggedTransitions(logBefore));
        }
        return List.of();
    }

    /** The transitions logged after {@code logBefore} that send a trap (to disabled sends none). */
    private List<String> loggedTransitions(int logBefore) {
        List<String> transitions = new ArrayList<>();
        Matcher m = TRANSITION.matcher(lab.daemonLog().substring(logBefore));
        while (m.find()) {
            if (!m.group(2).equals("disabled")) {
                transitions.add(m.group(1) + " " + m.group(2) + " (" + m.group(3) + ")");
            }
        }
        return transitions;
    }

    private String mainDefault() {
        return lab.ip("-4", "route", "show", "default", "table", "4200").strip().replaceAll("\\s+", " ");
    }

    private List<String> defaultNexthops() {
        return Arrays.stream(lab.ip("-4", "route", "show", "default", "table", "4200").split("\n"))
                .map(String::strip).filter(l -> l.startsWith("nexthop ")).sorted().toList();
    }

    private static List<String> nexthops(Map<String, Integer> weights) {
        return weights.entrySet().stream()
                .map(e -> "nexthop via " + GATEWAYS.get(e.getKey()) + " weight " + e.getValue()).sorted().toList();
    }
}
