package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections that come in through isp2 (the lab's low weight: the main default prefers if1)
 * send their replies back by if2: port-forwarded to the LAN host (isp2's 8080 to 10.0.0.10:80),
 * and to the router's own address on isp2. Counters in the providers' namespaces tell which way
 * each reply went.
 */
@Tag("netns")
class PortForwardIT {

    private static final String ISP2_ADDRESS = "203.0.113.66";
    /** The Internet host's address towards isp2, which its connections to isp2's address come from. */
    private static final String INTERNET_HOST = "100.64.2.2";
    /** Enough connections that some would hash to if1 (five in six each) if replies followed the default. */
    private static final int CONNECTIONS = 10;
    private static final Pattern PACKETS = Pattern.compile("packets (\\d+)");

    @TempDir
    Path dir;

    private Lab lab;
    private final List<TcpProbe.Background> servers = new ArrayList<>();

    @AfterEach
    void down() {
        servers.forEach(TcpProbe.Background::close);
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void repliesToAForwardedPortLeaveByTheProviderTheConnectionCameIn() {
        lab = Lab.up(dir);
        servers.add(TcpProbe.serve(lab, "lan", dir, 80));
        countRepliesFrom("isp1", "wan1", 8080);
        countRepliesFrom("isp2", "wan2", 8080);

        Map<String, Integer> seen = connectFromInternet(8080);
        assertEquals(Map.of(INTERNET_HOST, CONNECTIONS), seen, "the LAN host answered every connection, from the Internet host untranslated");
        assertEquals(0, replies("isp1"), "no reply of the forwarded port leaves by if1");
        assertTrue(replies("isp2") > 0, "the replies of the forwarded port leave by if2");
    }

    @Test
    void repliesFromTheRoutersOwnAddressOnIsp2LeaveByIf2() {
        lab = Lab.up(dir);
        servers.add(TcpProbe.serve(lab, "router", dir, 7070));
        countRepliesFrom("isp1", "wan1", 7070);
        countRepliesFrom("isp2", "wan2", 7070);

        Map<String, Integer> seen = connectFromInternet(7070);
        assertEquals(Map.of(INTERNET_HOST, CONNECTIONS), seen, "the router answered every connection");
        assertEquals(0, replies("isp1"), "no reply from the router's isp2 address leaves by if1");
        assertTrue(replies("isp2") > 0, "the router's replies leave by if2");
    }

    private Map<String, Integer> connectFromInternet(int port) {
        String out = TcpProbe.run(lab, "inet", Duration.ofSeconds(90), "connect", ISP2_ADDRESS, Integer.toString(port),
                Integer.toString(CONNECTIONS));
        JsonObject result = JsonParser.parseString(out.strip()).getAsJsonObject();
        assertEquals(0, result.get("failed").getAsInt(), out);
        Map<String, Integer> seen = new TreeMap<>();
        result.getAsJsonObject("via").entrySet().forEach(e -> seen.put(e.getKey(), e.getValue().getAsInt()));
        return seen;
    }

    /** Counts, in provider {@code isp}'s namespace, the TCP segments from isp2's address and {@code port} arriving on {@code wan}. */
    private void countRepliesFrom(String isp, String wan, int port) {
        lab.in(isp, "nft", "add table inet natit; add chain inet natit count { type filter hook prerouting priority -300; }; "
                + "add rule inet natit count iifname \"" + wan + "\" ip saddr " + ISP2_ADDRESS + " tcp sport " + port
                + " counter");
    }

    private int replies(String isp) {
        String chain = lab.in(isp, "nft", "list", "chain", "inet", "natit", "count");
        Matcher m = PACKETS.matcher(chain);
        assertTrue(m.find(), chain);
        return Integer.parseInt(m.group(1));
    }
}
