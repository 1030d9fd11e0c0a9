package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.multihome.testing.Await;
import net.multihome.testing.CommandResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Providers whose IPv4 address and gateway come from DHCP, with the clients Debian ships: the
 * lab's daemon runs lab.xml with isp1 and isp2 learning (empty {@code <ipv4/>}), the router's
 * uplinks lose their static addresses, and a real client (or networkd's route shape) takes over.
 * Each test checks that a provider joins the default within 2 s of its lease, follows a
 * renumbering, leaves on a lost lease with the lease in its reason, and comes back; and that
 * no client's route is refused because of ours.
 */
@Tag("netns")
class DhcpUplinksIT {

    /** The bound from a lease to the provider in the default route. */
    private static final Duration JOIN = Duration.ofSeconds(2);
    /** How long a DHCP exchange may take (dhclient waits up to 3 s before a DISCOVER after a NAK). */
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Pattern ADDRESS = Pattern.compile("(?m)^address=(\\S+)$");

    private record Uplink(String provider, String interfaceName, int table, String member, int isp, String router) {
    }

    private static final Uplink ISP1 = new Uplink("isp1", "if1", 101, "1296564240", 1, "203.0.113.1");
    private static final Uplink ISP2 = new Uplink("isp2", "if2", 102, "1296564242", 2, "203.0.113.65");

    @TempDir
    Path dir;

    private Lab lab;
    private DhcpUplinks dhcp;

    @BeforeEach
    void learningLab() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/dhclient")), "needs dhclient (Debian isc-dhcp-client)");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/dnsmasq")), "needs dnsmasq (Debian dnsmasq-base)");
        Path factory = dir.resolve("learning.xml");
        Files.writeString(factory, Files.readString(Lab.RECIPE).replaceAll(
                "(?s)<ipv4>\\s*<address>[^<]*</address>\\s*<prefix-length>[^<]*</prefix-length>\\s*"
                        + "<gateway>[^<]*</gateway>\\s*</ipv4>", "<ipv4/>")
                // IPv4 only: a static IPv6 would keep a provider whose lease is gone usable.
                .replaceAll("(?s)<ipv6>.*?</ipv6>", ""));
        lab = Lab.up(dir, factory);
        dhcp = new DhcpUplinks(lab, dir);
        for (Uplink u : List.of(ISP1, ISP2)) {
            lab.ip("addr", "flush", "dev", u.interfaceName());
        }
        Await.until("both providers to leave without their addresses",
                () -> !inDefault(ISP1) && !inDefault(ISP2));
    }

    @AfterEach
    void down() throws IOException {
        try {
            if (dhcp != null) {
                dhcp.close();
            }
        } finally {
            if (lab != null) {
                lab.close();
            }
        }
    }

    @Test
    void ifupdownDhclientWithoutAMetricOnBothUplinks() throws Exception {
        dhcp.serve(1, "203.0.113.20", "203.0.113.30", ISP1.router());
        dhcp.serve(2, "203.0.113.84", "203.0.113.94", ISP2.router());
        String first = bind(ISP1, Map.of());
        String second = bind(ISP2, Map.of());
        // The first client's default sits in main as it installed it; the second one's failed
        // on the first one's ("File exists"), never on ours: nothing of ours is in main.
        assertTrue(lab.ip("-4", "route", "show", "table", "main", "default").contains("via 203.0.113.1 dev if1"),
                lab.ip("-4", "route", "show", "table", "main"));
        assertEquals("", lab.ip("-4", "route", "show", "table", "main", "proto", "77").strip());
        assertTrue(ruleFor(first, ISP1) && ruleFor(second, ISP2), lab.ip("rule"));

        renumber(ISP2, second, "203.0.113.100", "203.0.113.110", Map.of());
        loseAndRegain(ISP1, Map.of());
    }

    @Test
    void dhclientWithAMetricPerUplink() throws Exception {
        dhcp.serve(1, "203.0.113.20", "203.0.113.30", ISP1.router());
        dhcp.serve(2, "203.0.113.84", "203.0.113.94", ISP2.router());
        bind(ISP1, Map.of("IF_METRIC", "100"));
        String second = bind(ISP2, Map.of("IF_METRIC", "200"));
        String main = lab.ip("-4", "route", "show", "table", "main", "default");
        assertTrue(main.contains("default via 203.0.113.1 dev if1 metric 100")
                && main.contains("default via 203.0.113.65 dev if2 metric 200"), "both clients' routes: " + main);

        renumber(ISP2, second, "203.0.113.100", "203.0.113.110", Map.of("IF_METRIC", "200"));
        loseAndRegain(ISP2, Map.of("IF_METRIC", "200"));
    }

    /**
     * systemd-networkd does not run in a bare namespace (it needs systemd and D-Bus), so the
     * test installs a lease as networkd documents it: the address with the lease's lifetime, a
     * route to the gateway and the default through it, all proto dhcp at RouteMetric 1024, the
     * default appended beside another link's as networkd's own requests do.
     */
    @Test
    void routesShapedAsSystemdNetworkdInstallsThem() {
        networkdLease(ISP1, "203.0.113.21");
        networkdLease(ISP2, "203.0.113.85");
        String main = lab.ip("-4", "route", "show", "table", "main", "default");
        assertTrue(main.contains("default via 203.0.113.1 dev if1 proto dhcp src 203.0.113.21 metric 1024")
                && main.contains("default via 203.0.113.65 dev if2 proto dhcp src 203.0.113.85 metric 1024"), main);

        networkdLoss(ISP2, "203.0.113.85");
        assertTrue(Await.within(JOIN, () -> !inDefault(ISP2)), "isp2 stays after its lease is gone");
        assertTrue(Await.within(JOIN, () -> status().contains("interface if2 has no usable IPv4 address")),
                status());

        networkdLease(ISP2, "203.0.113.99");
        networkdLoss(ISP1, "203.0.113.21");
        networkdLease(ISP1, "203.0.113.22");
        assertTrue(Await.within(JOIN, () -> ruleFor("203.0.113.22", ISP1) && !ruleFor("203.0.113.21", ISP1)),
                "isp1's renumbering: " + lab.ip("rule"));
    }

    private void networkdLease(Uplink u, String address) {
        String dev = u.interfaceName();
        // Each of networkd's requests succeeds: exactly the command a client would see refused.
        lab.ip("addr", "add", address + "/26", "dev", dev, "valid_lft", "120", "preferred_lft", "120",
                "metric", "1024");
        lab.ip("route", "add", u.router(), "dev", dev, "proto", "dhcp", "scope", "link", "src", address,
                "metric", "1024");
        lab.ip("route", "append", "default", "via", u.router(), "dev", dev, "proto", "dhcp", "src", address,
                "metric", "1024");
        assertTrue(Await.within(JOIN, () -> inDefault(u) && ruleFor(address, u)),
                u.provider() + " not in the default within " + JOIN + " of its lease: " + lab.ip("rule")
                        + lab.ip("route", "show", "table", "4200"));
    }

    private void networkdLoss(Uplink u, String address) {
        lab.ip("route", "del", "default", "via", u.router(), "dev", u.interfaceName(), "proto", "dhcp",
                "metric", "1024");
        lab.ip("route", "del", u.router(), "dev", u.interfaceName(), "proto", "dhcp", "metric", "1024");
        lab.ip("addr", "del", address + "/26", "dev", u.interfaceName());
    }

    /** Starts the client and returns the leased address once the provider carries traffic. */
    private String bind(Uplink u, Map<String, String> variables) throws IOException {
        Path lease = dhcp.leaseFile(u.interfaceName());
        Files.deleteIfExists(lease);
        dhcp.startClient(u.interfaceName(), variables);
        assertTrue(Await.within(LEASE, () -> leasedAddress(lease) != null), "no lease on " + u.interfaceName()
                + ": " + dhcp.clientLog(u.interfaceName()));
        String address = leasedAddress(lease);
        assertTrue(Await.within(JOIN, () -> inDefault(u) && ruleFor(address, u)), u.provider()
                + " not in the default within " + JOIN + " of its lease " + address + ": " + status());
        return address;
    }

    /** The ISP's server moves to a new range; the client, restarted, is refused its old address and binds a new one. */
    private void renumber(Uplink u, String old, String first, String last, Map<String, String> variables)
            throws IOException {
        dhcp.kill(u.interfaceName());
        dhcp.serve(u.isp(), first, last, u.router());
        String renumbered = bind(u, variables);
        assertFalse(renumbered.equals(old), "the server handed out the old address " + old);
        assertTrue(Await.within(JOIN, () -> !ruleFor(old, u)), "the old address keeps its rule: " + lab.ip("rule"));
    }

    private void loseAndRegain(Uplink u, Map<String, String> variables) throws IOException {
        dhcp.release(u.interfaceName());
        assertTrue(Await.within(JOIN, () -> !inDefault(u)), u.provider() + " stays in the default after RELEASE");
        assertTrue(Await.within(JOIN, () -> status().contains("DHCPv4 lease lost: RELEASE")), status());
        bind(u, variables);
    }

    private static String leasedAddress(Path lease) {
        try {
            Matcher m = ADDRESS.matcher(Files.readString(lease));
            return m.find() ? m.group(1) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private boolean inDefault(Uplink u) {
        return lab.ip("nexthop", "show").lines().anyMatch(l -> l.startsWith("id 1296564225 group")
                && l.matches(".*[ /]" + u.member() + "(,\\d+)?[ /].*"));
    }

    private boolean ruleFor(String address, Uplink u) {
        return lab.ip("rule").contains("from " + address + " lookup " + u.table());
    }

    private String status() {
        CommandResult result = lab.labThrough(List.of(), "status");
        return result.output();
    }
}
