package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.multihome.testing.Await;
import net.multihome.testing.Commands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The redundant pair with the real keepalived and conntrackd ({@code lab up --pair}): router a
 * is master, b backup. When a fails, the LAN's gateway moves to b, translated connections of
 * the LAN host go on through b with their translation (conntrackd's copy), new ones work, and a
 * comes back as backup (preempt is off in the lab's configurations).
 */
@Tag("netns")
class PairSwitchoverIT {

    /** The lab's virtual addresses: the LAN's gateway and the providers' translation addresses. */
    private static final String GATEWAY = "10.0.0.1";
    private static final Set<String> UPLINK_VIPS = Set.of("203.0.113.10", "203.0.113.74");
    /** Long-lived connections through each provider, each exchanging a line every 100 ms. */
    private static final int EACH = 5;
    private static final int HOLD_SECONDS = 16;
    /**
     * A router that dies sends nothing: the backup waits VRRPv3's master down interval, three
     * advertisements (1 s) and its skew ((256 - 100) / 256 s), then takes over; the rest is room
     * for a loaded machine. A router that sees a fault gives the role up at once (priority 0).
     */
    private static final Duration DEAD_MASTER = Duration.ofMillis(3_000 + 610 + 2_000);
    private static final Duration FAULTED_MASTER = Duration.ofSeconds(3);
    /** How long both routers may take to settle after the lab is up. */
    private static final Duration SETTLE = Duration.ofSeconds(60);

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

    private void pairUpWithAMaster() {
        lab = Lab.pair(dir);
        assertTrue(Await.within(SETTLE, () -> state("a").equals("MASTER") && state("b").equals("BACKUP")),
                () -> "a did not become master and b backup: a " + state("a") + ", b " + state("b") + logs());
    }

    @Test
    void aDeadMastersConnectionsGoOnThroughTheBackupAndItReturnsAsBackup() {
        pairUpWithAMaster();
        running.add(TcpProbe.serve(lab, "inet", dir, 7000));
        TcpProbe.Background hold = TcpProbe.start(lab, "lan", dir, "hold", "192.0.2.1", "7000",
                Integer.toString(EACH), Integer.toString(HOLD_SECONDS));
        running.add(hold);
        assertTrue(Await.within(Duration.ofSeconds(60), () -> hold.output().contains("ready")),
                () -> "the long-lived connections did not open: " + hold.output());
        assertTrue(Await.within(Duration.ofSeconds(5), () -> syncedConnections("b") >= 2 * EACH),
                () -> "b's kernel did not receive a's connections: " + lab.in("b", "conntrack", "-L"));

        long failedAt = System.currentTimeMillis();
        lab.lab("crash", "a");
        assertTrue(Await.within(DEAD_MASTER, () -> gatewayIs("b")),
                () -> "the gateway did not move to b within " + DEAD_MASTER + logs());
        long movedAt = System.currentTimeMillis();
        System.out.printf("the LAN's gateway answered from b %d ms after a died%n", movedAt - failedAt);

        assertTrue(Await.within(Duration.ofSeconds(10), this::newConnectionsAllLeaveByTheVirtualAddresses),
                () -> "new connections through b failed" + logs());

        String out = hold.awaitEnd(Duration.ofSeconds(HOLD_SECONDS + 30));
        JsonArray connections = JsonParser.parseString(out.lines().reduce((x, y) -> y).orElseThrow()).getAsJsonArray();
        assertTrue(connections.size() >= 2 * EACH, out);
        double longestGap = 0;
        for (JsonElement e : connections) {
            JsonObject c = e.getAsJsonObject();
            assertTrue(c.get("error").isJsonNull(), () -> "a connection broke at the switchover: " + c + logs());
            assertTrue(UPLINK_VIPS.contains(c.get("via").getAsString()), c::toString);
            long lastAt = (long) (c.get("last_at").getAsDouble() * 1000);
            assertTrue(lastAt > movedAt + 1_000, () -> "a connection stopped exchanging after the switchover: " + c);
            longestGap = Math.max(longestGap, c.get("max_gap").getAsDouble());
        }
        System.out.printf("%d translated connection(s) survived a's death, none reset; longest wait %.3f s%n",
                connections.size(), longestGap);

        lab.lab(Duration.ofSeconds(240), "restore", "a");
        assertTrue(Await.within(SETTLE, () -> state("a").equals("BACKUP")),
                () -> "a did not come back as backup: " + state("a") + logs());
        assertEquals("MASTER", state("b"), "b gave the role up to a although preempt is off");
        assertTrue(gatewayIs("b"), "the gateway left b when a came back");
        String status = lab.lab("status");
        assertTrue(status.contains("router a") && status.contains("vrrp:      backup")
                && status.contains("vrrp:      master"), status);
    }

    @Test
    void withPreemptTheReturningRouterOfHigherPriorityTakesTheRoleBack() throws IOException {
        Path configs = Files.createDirectories(dir.resolve("configs"));
        for (String r : List.of("a", "b")) {
            String xml = Files.readString(Lab.RECIPE.resolveSibling("lab-pair-" + r + ".xml"));
            assertTrue(xml.contains("<preempt>false</preempt>"));
            Files.writeString(configs.resolve("lab-pair-" + r + ".xml"),
                    xml.replace("<preempt>false</preempt>", "<preempt>true</preempt>"));
        }
        lab = Lab.pair(dir, configs);
        assertTrue(Await.within(SETTLE, () -> state("a").equals("MASTER") && state("b").equals("BACKUP")),
                () -> "a did not become master and b backup: a " + state("a") + ", b " + state("b") + logs());
        lab.lab("crash", "a");
        assertTrue(Await.within(DEAD_MASTER, () -> gatewayIs("b")),
                () -> "the gateway did not move to b within " + DEAD_MASTER + logs());
        lab.lab(Duration.ofSeconds(240), "restore", "a");
        assertTrue(Await.within(SETTLE, () -> state("a").equals("MASTER") && state("b").equals("BACKUP")),
                () -> "a (priority 150) did not take the role back: a " + state("a") + ", b " + state("b") + logs());
        assertTrue(Await.within(Duration.ofSeconds(5), () -> gatewayIs("a")), () -> "the gateway did not return to a"
                + logs());
    }

    @Test
    void aMasterThatLosesItsLanHandsOverAtOnce() {
        pairUpWithAMaster();
        long failedAt = System.currentTimeMillis();
        lab.lab("fail", "a", "lan");
        assertTrue(Await.within(FAULTED_MASTER, () -> gatewayIs("b")),
                () -> "the gateway did not move to b within " + FAULTED_MASTER + logs());
        System.out.printf("a lost its LAN: the gateway answered from b %d ms later%n",
                System.currentTimeMillis() - failedAt);
        assertTrue(Await.within(Duration.ofSeconds(5), () -> state("a").equals("FAULT")), () -> state("a"));
    }

    @Test
    void aMasterWhoseProvidersAreAllDownHandsOver() {
        pairUpWithAMaster();
        long failedAt = System.currentTimeMillis();
        lab.lab("fail", "a", "uplinks");
        // Detection (three missed probe rounds of 200 ms) comes first; keepalived reads the track file at once.
        assertTrue(Await.within(FAULTED_MASTER, () -> gatewayIs("b")),
                () -> "the gateway did not move to b within " + FAULTED_MASTER + logs());
        System.out.printf("a's providers went down: the gateway answered from b %d ms later%n",
                System.currentTimeMillis() - failedAt);
        assertTrue(Await.within(Duration.ofSeconds(5), () -> state("a").equals("FAULT")), () -> state("a"));
        running.add(TcpProbe.serve(lab, "inet", dir, 7000));
        assertTrue(Await.within(Duration.ofSeconds(10), this::newConnectionsAllLeaveByTheVirtualAddresses),
                () -> "new connections through b failed" + logs());
    }

    /** keepalived's state on router {@code r}, as its notify script wrote it. */
    private String state(String r) {
        try {
            return Files.readString(lab.runDir.resolve(r).resolve("vrrp-state")).strip();
        } catch (IOException e) {
            return "none";
        }
    }

    /**
     * Router {@code r} holds the gateway address, the LAN host's neighbour entry for it names r's
     * LAN interface (keepalived's gratuitous ARP), and the gateway answers a ping.
     */
    private boolean gatewayIs(String r) {
        boolean answers = Commands.run(List.of("ip", "netns", "exec", lab.prefix + "-lan", "ping", "-c", "1", "-W",
                "0.3", GATEWAY), Map.of(), Duration.ofSeconds(5)).succeeded();
        String mac = lab.in(r, "cat", "/sys/class/net/eth0/address").strip();
        return answers && lab.in("lan", "ip", "neigh", "show", GATEWAY).contains(mac)
                && lab.in(r, "ip", "-4", "addr", "show", "dev", "eth0").contains(GATEWAY + "/");
    }

    private int syncedConnections(String r) {
        return (int) lab.in(r, "conntrack", "-L", "-p", "tcp", "--dport", "7000").lines()
                .filter(l -> l.contains("ESTABLISHED")).count();
    }

    /** Twenty new connections all succeed, translated to the providers' virtual addresses. */
    private boolean newConnectionsAllLeaveByTheVirtualAddresses() {
        String out = TcpProbe.run(lab, "lan", Duration.ofSeconds(60), "connect", "192.0.2.1", "7000", "20", "1");
        JsonObject result = JsonParser.parseString(out.strip()).getAsJsonObject();
        return result.get("failed").getAsInt() == 0 && UPLINK_VIPS.containsAll(result.getAsJsonObject("via").keySet());
    }

    private String logs() {
        StringBuilder out = new StringBuilder();
        for (String r : List.of("a", "b")) {
            for (String log : List.of("keepalived.log", "daemon.log")) {
                try {
                    List<String> lines = Files.readAllLines(lab.runDir.resolve(r).resolve(log));
                    out.append("\n--- ").append(r).append('/').append(log).append(" (tail)\n")
                            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
                } catch (IOException e) {
                    out.append("\n--- ").append(r).append('/').append(log).append(": ").append(e);
                }
            }
        }
        return out.toString();
    }
}
