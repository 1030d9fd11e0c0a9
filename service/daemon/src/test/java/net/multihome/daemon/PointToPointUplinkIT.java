package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.multihome.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider on a point-to-point interface that comes and goes with its session, as a PPPoE
 * uplink's ppp unit does: the local address and the peer as gateway are learned, the provider
 * joins within 2 s of the session, follows a new address on the next session, and leaves when
 * the session ends. {@link PppoeUplinkIT} runs the same with pppd and pppoe-server where the
 * kernel has PPP; this one needs only tun, so it runs everywhere.
 */
@Tag("netns")
class PointToPointUplinkIT {

    private static final Duration JOIN = Duration.ofSeconds(2);
    private static final String ISP2_MEMBER = "1296564242";

    @TempDir
    Path dir;

    private Lab lab;
    private TunnelSession session;

    @BeforeEach
    void up() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "needs socat for the tunnel's ends");
        lab = Lab.up(dir, PointToPointUplinkIT.factory(dir, TunnelSession.INTERFACE));
        session = new TunnelSession(lab, dir);
    }

    /** lab.xml with isp2 learning everything on {@code interfaceName}. */
    static Path factory(Path dir, String interfaceName) throws IOException {
        Path factory = dir.resolve("point-to-point.xml");
        Files.writeString(factory, Files.readString(Lab.RECIPE).replaceFirst(
                "(?s)<interface>if2</interface>\\s*<ipv4>.*?</ipv4>", "<interface>" + interfaceName
                        + "</interface><ipv4/>"));
        return factory;
    }

    @AfterEach
    void down() {
        try {
            if (session != null) {
                session.close();
            }
        } finally {
            if (lab != null) {
                lab.close();
            }
        }
    }

    @Test
    void providerFollowsItsSessionAndItsAddress() throws IOException {
        assertTrue(lab.lab("status").contains("interface ppp-isp2 does not exist"), lab.lab("status"));

        session.up("100.64.9.2", "100.64.9.1");
        assertJoined("100.64.9.2", "100.64.9.1");

        session.down();
        assertTrue(Await.within(JOIN, () -> !inDefault()), "isp2 stays in the default after its session ended");
        assertTrue(Await.within(JOIN, () -> lab.lab("status").contains("interface ppp-isp2 does not exist")),
                lab.lab("status"));

        session.up("100.64.9.7", "100.64.9.1");
        assertJoined("100.64.9.7", "100.64.9.1");
        assertTrue(!lab.ip("rule").contains("from 100.64.9.2 "), "the old session's rule stays: " + lab.ip("rule"));
        // Traffic from the router's new address leaves through the session, as its rule says.
        lab.in("router", "ping", "-c", "1", "-W", "2", "-I", "100.64.9.7", "192.0.2.1");
    }

    private void assertJoined(String local, String peer) {
        assertTrue(Await.within(JOIN, () -> inDefault()
                        && lab.ip("rule").contains("from " + local + " lookup 102")
                        && lab.ip("route", "show", "table", "102").contains("default via " + peer + " dev ppp-isp2")),
                "isp2 not in the default within " + JOIN + " of its session: " + lab.ip("rule")
                        + lab.ip("route", "show", "table", "4200") + lab.lab("status"));
    }

    private boolean inDefault() {
        return lab.ip("nexthop", "show").lines().anyMatch(l -> l.startsWith("id 1296564225 group")
                && List.of(l.split("[ /,]")).contains(ISP2_MEMBER));
    }
}
