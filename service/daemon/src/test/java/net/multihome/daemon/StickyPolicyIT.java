package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.multihome.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sticky policy keeps each LAN connection on the provider it started on when the weights
 * change. The default is a hash-threshold group, which remaps most flows when weights go from
 * 5:1 to 1:5, and each ISP drops packets whose source is not its own (BCP 38), as real ones do:
 * a connection moved to the other provider would carry the first one's translated address and
 * stall. With the policy sticky, every connection keeps talking.
 */
@Tag("netns")
class StickyPolicyIT {

    private static final int EACH = 10;
    private static final int HOLD_SECONDS = 10;
    private static final double STALL_SECONDS = 1.0;

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

    private Path config(String weight1, String weight2) throws Exception {
        Path file = dir.resolve("sticky-" + weight1 + "-" + weight2 + ".xml");
        Files.writeString(file, Files.readString(Lab.RECIPE)
                .replace("<hash-policy>l4</hash-policy>", "<hash-policy>l4</hash-policy>"
                        + "<default-route><kind>hash-threshold</kind></default-route>")
                .replace("<weight>5</weight>", "<weight>isp1</weight>")
                .replace("<weight>1</weight>", "<weight>" + weight2 + "</weight>")
                .replace("<weight>isp1</weight>", "<weight>" + weight1 + "</weight>")
                .replace("    <management>", "<policy><name>lan</name><priority>5</priority><sticky>true</sticky>"
                        + "<match><source-prefix>10.0.0.0/24</source-prefix></match><balanced/></policy>\n"
                        + "    <management>"));
        return file;
    }

    @Test
    void connectionsKeepTheirProviderWhenWeightsChange() throws Exception {
        assumeTrue(NcclientScript.available(), "needs /usr/bin/python3 with ncclient (python3-ncclient)");
        lab = Lab.up(dir, config("5", "1"));
        for (int n = 1; n <= 2; n++) {
            String own = n == 1 ? "203.0.113.0/26" : "203.0.113.64/26";
            String isp = "isp" + n;
            lab.in(isp, "nft", "add", "table", "inet", "bcp38");
            lab.in(isp, "nft", "add", "chain", "inet", "bcp38", "source", "{ type filter hook prerouting priority 0; }");
            lab.in(isp, "nft", "add", "rule", "inet", "bcp38", "source", "iifname", "wan" + n, "ip", "saddr", "!=",
                    own, "drop");
        }
        running.add(TcpProbe.serve(lab, "inet", dir, 7000));
        TcpProbe.Background hold = TcpProbe.start(lab, "lan", dir, "hold", "192.0.2.1", "7000",
                Integer.toString(EACH), Integer.toString(HOLD_SECONDS));
        running.add(hold);
        assertTrue(Await.within(Duration.ofSeconds(60), () -> hold.output().contains("ready")),
                () -> "the long-lived connections did not open: " + hold.output());

        NcclientScript.Result commit = NcclientScript.run(dir, lab.netconfPort, "commit", config("1", "5").toString());
        assertEquals(0, commit.exit(), commit.output());
        assertTrue(lab.ip("nexthop", "show").contains("group 1296564240/1296564242,5"), lab.ip("nexthop", "show"));

        String out = hold.awaitEnd(Duration.ofSeconds(HOLD_SECONDS + 30));
        JsonArray connections = JsonParser.parseString(out.lines().reduce((a, b) -> b).orElseThrow()).getAsJsonArray();
        assertTrue(connections.size() >= 2 * EACH, out);
        for (JsonElement e : connections) {
            JsonObject c = e.getAsJsonObject();
            assertTrue(c.get("error").isJsonNull(), () -> "a connection broke after the weights changed: " + c);
            assertTrue(c.get("max_gap").getAsDouble() < STALL_SECONDS, () -> "a connection stalled: " + c);
        }
    }
}
