package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.multihome.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * isp1 fails under long-lived translated TCP connections: those via isp2 go on exchanging data,
 * those via isp1 lose their conntrack entries at once and get a reset instead of hanging, and
 * new connections all leave by isp2 within the failover time.
 */
@Tag("netns")
class NatFailoverIT {

    private static final String ISP1 = "203.0.113.2";
    private static final String ISP2 = "203.0.113.66";
    /** Connections through each provider, each exchanging a line every 100 ms. */
    private static final int EACH = 10;
    /** How long they exchange: well past the failover and the resets it brings. */
    private static final int HOLD_SECONDS = 12;
    /** Detection at the defaults takes about 0.9 s; the deadline leaves room for a loaded machine (FailoverIT's). */
    private static final Duration FAILOVER = Duration.ofSeconds(5);
    /** A connection via isp2 may not wait longer than this for an answer. */
    private static final double STALL_SECONDS = 1.0;
    /**
     * A connection via isp1 learns it is gone at the next retransmission after the failover
     * (TCP backs off to 1.6 s, then 3.2 s), which meets the server's reset through isp2.
     */
    private static final long RESET_WITHIN_MILLIS = 6_000;

    @TempDir
    Path dir;

    private Lab lab;
    private final List<AutoCloseable> running = new ArrayList<>();

    @AfterEach
    void down() throws Exception {
        for (AutoCloseable r : running) {
            r.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    /**
     * The router's conntrack entries of the test's connections that carry isp1's mark (0x650000
     * under the provider mask); the router's own health probes through isp1 are left out.
     */
    private String isp1Connections() {
        return lab.in("router", "conntrack", "-L", "-p", "tcp", "--dport", "7000", "--mark", "0x650000/0x00ff0000");
    }

    @Test
    void survivorsKeepTalkingTheFailedProvidersConnectionsAreResetAndNewOnesLeaveByTheOther() {
        lab = Lab.up(dir);
        running.add(TcpProbe.serve(lab, "inet", dir, 7000));
        TcpProbe.Background hold = TcpProbe.start(lab, "lan", dir, "hold", "192.0.2.1", "7000",
                Integer.toString(EACH), Integer.toString(HOLD_SECONDS));
        running.add(hold);
        assertTrue(Await.within(Duration.ofSeconds(60), () -> hold.output().contains("ready")),
                () -> "the long-lived connections did not open: " + hold.output());
        assertTrue(isp1Connections().contains("mark="), "isp1's connections carry its mark before the fault");

        long failedAt = System.currentTimeMillis();
        lab.lab("fail", "isp1", "gateway");

        assertTrue(Await.within(FAILOVER, () -> !isp1Connections().contains("mark=")),
                () -> "isp1's conntrack entries are still there:\n" + isp1Connections() + lab.daemonLog());
        assertTrue(Await.within(FAILOVER, this::newConnectionsAllLeaveByIsp2),
                () -> "new connections did not all succeed via isp2 within " + FAILOVER + ":\n" + lab.daemonLog());

        String out = hold.awaitEnd(Duration.ofSeconds(HOLD_SECONDS + 30));
        JsonArray connections = JsonParser.parseString(out.lines().reduce((a, b) -> b).orElseThrow()).getAsJsonArray();
        int viaIsp1 = 0;
        int viaIsp2 = 0;
        long latestReset = 0;
        double longestGap = 0;
        for (JsonElement e : connections) {
            JsonObject c = e.getAsJsonObject();
            if (c.get("via").getAsString().equals(ISP2)) {
                viaIsp2++;
                assertTrue(c.get("error").isJsonNull(), () -> "a connection via isp2 broke: " + c);
                assertTrue(c.get("max_gap").getAsDouble() < STALL_SECONDS, () -> "a connection via isp2 stalled: " + c);
                longestGap = Math.max(longestGap, c.get("max_gap").getAsDouble());
            } else {
                viaIsp1++;
                assertEquals(ISP1, c.get("via").getAsString(), c.toString());
                assertEquals("ConnectionResetError", c.get("error").isJsonNull() ? null : c.get("error").getAsString(),
                        () -> "a connection via isp1 was not reset: " + c);
                long after = (long) (c.get("error_at").getAsDouble() * 1000) - failedAt;
                assertTrue(after < RESET_WITHIN_MILLIS, () -> "a connection via isp1 was reset only " + after
                        + " ms after the fault: " + c);
                latestReset = Math.max(latestReset, after);
            }
        }
        assertTrue(viaIsp1 >= EACH && viaIsp2 >= EACH, out);
        System.out.printf("%d connection(s) via isp1 all reset within %d ms of the fault; %d via isp2 unbroken,"
                + " longest wait for an answer %.3f s%n", viaIsp1, latestReset, viaIsp2, longestGap);
    }

    /** Twenty new connections, each given a second, all succeed translated to isp2's address. */
    private boolean newConnectionsAllLeaveByIsp2() {
        String out = TcpProbe.run(lab, "lan", Duration.ofSeconds(60), "connect", "192.0.2.1", "7000", "20", "1");
        JsonObject result = JsonParser.parseString(out.strip()).getAsJsonObject();
        JsonObject via = result.getAsJsonObject("via");
        return result.get("failed").getAsInt() == 0 && via.keySet().equals(Set.of(ISP2));
    }
}
