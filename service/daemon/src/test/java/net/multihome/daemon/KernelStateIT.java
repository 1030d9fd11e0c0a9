package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.multihome.testing.Await;
import net.multihome.testing.Commands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon in a lab router: the seed state in the real kernel, drift repair, restarts. */
@Tag("netns")
class KernelStateIT {

    private static final Duration REPAIR_DEADLINE = Duration.ofSeconds(1);
    /** A provider back from a link flap: five good rounds, with room for a loaded machine (FailoverIT's). */
    private static final Duration RETURN_DEADLINE = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private Lab lab;

    @BeforeEach
    void up() {
        lab = Lab.up(dir);
    }

    @AfterEach
    void down() {
        if (lab != null) {
            lab.close();
        }
    }

    private List<String> ours() {
        return Arrays.stream(lab.ip("-4", "route", "show", "table", "all", "proto", "77").split("\n"))
                .map(String::strip).filter(l -> !l.isEmpty()).sorted().toList();
    }

    @Test
    void routerHoldsTheSeedRecipeRoutesRulesAndWeightedDefault() {
        assertEquals(List.of(
                "10.0.0.0/24 dev eth0 table 101 scope link",
                "10.0.0.0/24 dev eth0 table 102 scope link",
                "127.0.0.0/8 dev lo table 101 scope link",
                "127.0.0.0/8 dev lo table 102 scope link",
                "203.0.113.0/26 dev if1 table 101 scope link src 203.0.113.2",
                "203.0.113.0/26 dev if1 table 102 scope link",
                "203.0.113.64/26 dev if2 table 101 scope link",
                "203.0.113.64/26 dev if2 table 102 scope link src 203.0.113.66",
                "default nhid 1296564225 table 4200",
                "default via 203.0.113.1 dev if1 table 101",
                "default via 203.0.113.65 dev if2 table 102",
                "nexthop via 203.0.113.1 dev if1 weight 5",
                "nexthop via 203.0.113.65 dev if2 weight 1"), ours());
        assertEquals("""
                0:	from all lookup local
                1000:	from 203.0.113.2 lookup 101 proto 77
                1000:	from 203.0.113.66 lookup 102 proto 77
                1100:	from all fwmark 0x650000/0xff0000 lookup 101 proto 77
                1100:	from all fwmark 0x660000/0xff0000 lookup 102 proto 77
                32000:	from all lookup main suppress_prefixlength 0 proto 77
                32001:	from all lookup 4200 proto 77
                32766:	from all lookup main
                32767:	from all lookup default
                """, lab.ip("-4", "rule"));
        assertTrue(lab.ip("nexthop", "show", "id", "1296564225").contains("type resilient buckets 128"));
    }

    @Test
    void l4FlowsFromTheRouterSplitFiveToOne() {
        long if1Before = txPackets("if1");
        long if2Before = txPackets("if2");
        int flows = 2400;
        // Each bash redirection opens a new UDP socket: a new source port, so a new flow.
        lab.in("router", "bash", "-c", "for i in $(seq " + flows + "); do echo x >/dev/udp/192.0.2.1/9; done");
        long if1 = txPackets("if1") - if1Before;
        long if2 = txPackets("if2") - if2Before;
        double share = 100.0 * if1 / (if1 + if2);
        assertTrue(if1 + if2 >= flows, "every flow left by an uplink: " + (if1 + if2));
        assertTrue(Math.abs(share - 500.0 / 6) <= 5, "isp1 carried " + share + " % of " + (if1 + if2) + " flows");
    }

    private long txPackets(String link) {
        Matcher m = Pattern.compile("TX:.*\\n\\s*\\d+\\s+(\\d+)").matcher(lab.ip("-s", "link", "show", link));
        assertTrue(m.find());
        return Long.parseLong(m.group(1));
    }

    @Test
    void driftIsRepairedAndForeignRoutesSurvive() {
        // On eth0: the kernel itself deletes routes through if1 when the test downs it.
        lab.ip("route", "add", "10.9.9.0/24", "dev", "eth0", "table", "101", "proto", "static");
        List<String> expected = ours();

        lab.ip("route", "del", "default", "table", "101");
        assertTrue(Await.within(REPAIR_DEADLINE, () -> ours().equals(expected)), "default in table 101 back");

        lab.ip("rule", "del", "priority", "1000", "from", "203.0.113.66", "lookup", "102");
        assertTrue(Await.within(REPAIR_DEADLINE, () -> lab.ip("-4", "rule").contains("from 203.0.113.66 lookup 102")),
                "rule back");

        lab.ip("nexthop", "del", "id", "1296564242");
        assertTrue(Await.within(REPAIR_DEADLINE, () -> ours().equals(expected)), "nexthop back: " + ours());

        lab.ip("link", "set", "if1", "down");
        lab.ip("link", "set", "if1", "up");
        // The kernel's own deletions are repaired at once, but isp1 rejoins the default only after
        // five good probe rounds (1 s at the defaults), as hysteresis wants: that is the bound here.
        assertTrue(Await.within(RETURN_DEADLINE, () -> ours().equals(expected)),
                () -> "routes back after link down/up: " + ours() + "\n" + lab.daemonLog());

        assertTrue(lab.ip("route", "show", "table", "101").contains("10.9.9.0/24 dev eth0 proto static"),
                "the route we do not own survived every pass");
    }

    @Test
    void restartDeletesNothingAndEndsInTheSameState() throws Exception {
        List<String> before = ours();
        String rulesBefore = lab.ip("rule");
        Path events = dir.resolve("events.txt");
        Process monitor = new ProcessBuilder("ip", "-n", lab.prefix + "-router", "monitor", "route", "rule", "nexthop")
                .redirectErrorStream(true).redirectOutput(events.toFile()).start();
        try {
            lab.lab("stop-daemon");
            lab.lab("start-daemon");
            assertTrue(Await.within(Duration.ofSeconds(20), () -> lab.daemonLog().split("starting with").length > 2),
                    "the daemon started again");
            assertTrue(Await.within(Duration.ofSeconds(5), () -> ours().equals(before)));
        } finally {
            monitor.destroy();
            monitor.waitFor();
        }
        String seen = Files.readString(events);
        assertTrue(seen.lines().noneMatch(l -> l.startsWith("Deleted")), "deleted during restart:\n" + seen);
        assertEquals(before, ours());
        assertEquals(rulesBefore, lab.ip("rule"));
    }

    @Test
    void sighupReloadsStartupAndAnInvalidFileKeepsTheRunningConfig() throws Exception {
        Path startup = lab.runDir.resolve("state/startup.xml");
        String valid = Files.readString(startup);
        List<String> before = ours();
        String pid = Files.readString(lab.runDir.resolve("daemon.pid")).strip();

        Files.writeString(startup, valid.replace("<table>102</table>", "<table>101</table>"));
        Commands.run(List.of("kill", "-HUP", pid), Map.of(), Duration.ofSeconds(5)).orFail();
        assertTrue(Await.within(Duration.ofSeconds(10), () -> lab.daemonLog().contains("reload refused")),
                lab::daemonLog);
        assertTrue(lab.daemonLog().contains("table 101 is already used by provider isp1"), lab::daemonLog);
        assertEquals(before, ours(), "the running configuration stayed");

        Files.writeString(startup, valid.replace("<weight>5</weight>", "<weight>2</weight>"));
        Commands.run(List.of("kill", "-HUP", pid), Map.of(), Duration.ofSeconds(5)).orFail();
        assertTrue(Await.within(Duration.ofSeconds(10), () -> ours().contains("nexthop via 203.0.113.1 dev if1 weight 2")),
                () -> ours() + "\n" + lab.daemonLog());
    }
}
