package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The private LAN reaches the Internet translated to the address of the provider each connection
 * leaves by, and the connections spread over the providers in the configured weights (the lab's
 * 5:1 with hash-policy l4: 83.3 % and 16.7 %).
 */
@Tag("netns")
class NatWeightsIT {

    private static final int CONNECTIONS = 600;
    private static final double ISP1_SHARE = 5.0 / 6.0;
    /** The tolerance: five points either way (about three standard deviations at 600). */
    private static final double TOLERANCE = 0.05;

    @TempDir
    Path dir;

    private Lab lab;
    private TcpProbe.Background server;

    @AfterEach
    void down() {
        if (server != null) {
            server.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void everyConnectionSucceedsTranslatedToItsProviderInTheConfiguredWeights() {
        lab = Lab.up(dir);
        server = TcpProbe.serve(lab, "inet", dir, 7000);

        String out = TcpProbe.run(lab, "lan", Duration.ofSeconds(120), "connect", "192.0.2.1", "7000",
                Integer.toString(CONNECTIONS));
        JsonObject result = JsonParser.parseString(out.strip()).getAsJsonObject();
        assertEquals(0, result.get("failed").getAsInt(), out);
        JsonObject via = result.getAsJsonObject("via");
        assertEquals(Set.of("203.0.113.2", "203.0.113.66"), via.keySet(),
                "the Internet host sees only the providers' addresses: " + out);
        int isp1 = via.get("203.0.113.2").getAsInt();
        int isp2 = via.get("203.0.113.66").getAsInt();
        assertEquals(CONNECTIONS, isp1 + isp2, out);
        double share = (double) isp1 / CONNECTIONS;
        System.out.printf("isp1 %d, isp2 %d of %d connections: isp1 %.1f %%%n", isp1, isp2, CONNECTIONS, 100 * share);
        assertTrue(Math.abs(share - ISP1_SHARE) <= TOLERANCE,
                () -> String.format("isp1 carried %.1f %% of the connections, configured %.1f %% ± %.0f: %s",
                        100 * share, 100 * ISP1_SHARE, 100 * TOLERANCE, out));
    }
}
