package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.multihome.testing.Await;
import net.multihome.testing.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PPPoE uplink with Debian's binaries: pppoe-server (rp-pppoe) in isp2's namespace on wan2,
 * and pppd with the rp-pppoe plugin on the router's if2, naming its unit ppp-isp2. The provider
 * learns the session's address with the peer as gateway, joins within 2 s of the session, and
 * follows it: down when LCP echoes fail after the server is gone, up again with the new address
 * of the next session. Needs PPP in the kernel ({@code /dev/ppp}); the kernels of some sandboxes
 * and CI machines have none, so it skips itself there, and {@link PointToPointUplinkIT} covers
 * the same interface shape on tun devices.
 */
@Tag("netns")
class PppoeUplinkIT {

    private static final Duration JOIN = Duration.ofSeconds(2);
    /** LCP echoes every second, three missed: the client notices a dead server within about 4 s. */
    private static final Duration LCP_LOSS = Duration.ofSeconds(10);
    private static final Duration SESSION = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Lab lab;
    private final List<Process> processes = new ArrayList<>();
    private Process server;

    @BeforeEach
    void up() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/ppp")), "the kernel has no PPP (/dev/ppp is missing): pppd cannot run");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/pppd")), "needs pppd (Debian ppp)");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/pppoe-server")), "needs pppoe-server (Debian pppoe)");
        lab = Lab.up(dir, PointToPointUplinkIT.factory(dir, "ppp-isp2"));
        lab.in("inet", "ip", "route", "replace", "100.64.9.0/24", "via", "100.64.2.1");
    }

    @AfterEach
    void down() {
        try {
            processes.forEach(Processes::stop);
        } finally {
            if (lab != null) {
                lab.close();
            }
        }
    }

    @Test
    void providerFollowsItsPppoeSession() throws IOException {
        serve("100.64.9.2");
        Process client = start(List.of("ip", "netns", "exec", lab.prefix + "-router", "pppd", "plugin",
                "rp-pppoe.so", "if2", "ifname", "ppp-isp2", "noauth", "nolock", "nodefaultroute", "noipdefault",
                "nodetach", "persist", "maxfail", "0", "holdoff", "1", "lcp-echo-interval", "1",
                "lcp-echo-failure", "3", "user", "multihome-test"), "pppd");
        processes.add(client);
        assertTrue(Await.within(SESSION, () -> address().contains("peer 100.64.9.1/32")), "no session: " + address());
        assertJoined("100.64.9.2");

        Processes.stop(server);
        assertTrue(Await.within(LCP_LOSS, () -> !inDefault()), "isp2 stays after its session died");

        serve("100.64.9.7");
        assertTrue(Await.within(SESSION, () -> address().contains("inet 100.64.9.7 peer")), "no second session");
        assertJoined("100.64.9.7");
    }

    private void serve(String first) throws IOException {
        Path options = dir.resolve("pppoe-server-options");
        Files.writeString(options, "noauth\nnolock\nlcp-echo-interval 1\nlcp-echo-failure 3\n");
        server = start(List.of("ip", "netns", "exec", lab.prefix + "-isp2", "pppoe-server", "-F", "-I", "wan2",
                "-L", "100.64.9.1", "-R", first, "-N", "4", "-O", options.toString()), "pppoe-server");
        processes.add(server);
    }

    private void assertJoined(String local) {
        assertTrue(Await.within(JOIN, () -> inDefault() && lab.ip("rule").contains("from " + local + " lookup 102")),
                "isp2 not in the default within " + JOIN + " of its session: " + lab.lab("status"));
    }

    private String address() {
        return lab.ip("addr", "show", "dev", "ppp-isp2").strip();
    }

    private boolean inDefault() {
        return lab.ip("nexthop", "show").lines().anyMatch(l -> l.startsWith("id 1296564225 group")
                && List.of(l.split("[ /,]")).contains("1296564242"));
    }

    private Process start(List<String> command, String name) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".log").toFile())).start();
    }

}
