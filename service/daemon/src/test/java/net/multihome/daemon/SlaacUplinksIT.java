package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.multihome.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11, test 4: both uplinks learn IPv6 from router advertisements (dnsmasq in each ISP's
 * namespace, kernel SLAAC on the router), with split access, a 1:1 multipath checked with
 * traffic, a renumbering, and an advertisement withdrawn and returning.
 */
@Tag("netns")
class SlaacUplinksIT {

    /** Issue #11: a provider joins the default within 2 s of the advertisement. */
    private static final Duration JOIN = Duration.ofSeconds(2);
    private static final Duration ROUTER_LIFETIME = Duration.ofSeconds(30);
    private static final String INTERNET_HOST = "2001:db8:ffff::1";
    private static final String LAN_HOST = "2001:db8:100::10";
    private static final int FLOWS = 64;
    private static final Path DNSMASQ = Path.of("/usr/sbin/dnsmasq");
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Pattern PACKETS = Pattern.compile("packets (\\d+)");
    /** Sends one UDP datagram per flow to the Internet host's discard port, each from a new source port. */
    private static final String SEND_FLOWS = """
            import socket, sys
            source, target, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
            for _ in range(count):
                with socket.socket(socket.AF_INET6, socket.SOCK_DGRAM) as s:
                    s.bind((source, 0))
                    s.sendto(b"flow", (target, 9))
            """;

    @TempDir
    Path dir;

    private Lab lab;
    private final List<RaServer> servers = new ArrayList<>();
    private RaServer isp1Ra;
    private RaServer isp2Ra;

    @BeforeEach
    void up() throws Exception {
        assumeTrue(Files.isExecutable(DNSMASQ), "needs dnsmasq (dnsmasq-base)");
        assumeTrue(Files.isExecutable(PYTHON), "needs /usr/bin/python3 to send flows");
        Path factory = dir.resolve("slaac.xml");
        Files.writeString(factory, Files.readString(Lab.RECIPE.resolveSibling("lab-slaac.xml"))
                .replace("<weight>5</weight>", "<weight>1</weight>"));
        lab = Lab.up(dir, factory);
        slaacUplinks();
    }

    @AfterEach
    void down() {
        servers.forEach(RaServer::close);
        if (lab != null) {
            lab.close();
        }
    }

    /**
     * The lab's static IPv6 on the router's uplinks gives way to SLAAC from the test's own
     * dnsmasq, with duplicate address detection on as on real uplinks (the lab turns it off):
     * a tentative address must wait.
     */
    private void slaacUplinks() {
        for (String uplink : List.of("if1", "if2")) {
            lab.ip("-6", "addr", "flush", "dev", uplink, "scope", "global");
            // A forwarding router still takes its uplinks' configuration from advertisements.
            lab.in("router", "sysctl", "-qw", "net.ipv6.conf." + uplink + ".accept_ra=2",
                    "net.ipv6.conf." + uplink + ".autoconf=1", "net.ipv6.conf." + uplink + ".accept_dad=1");
        }
        for (int n = 1; n <= 2; n++) {
            lab.in("isp" + n, "nft", "add", "table", "ip6", "flows");
            lab.in("isp" + n, "nft", "add", "chain", "ip6", "flows", "forward",
                    "{ type filter hook forward priority 0; }");
            lab.in("isp" + n, "nft", "add", "rule", "ip6", "flows", "forward", "iifname", "wan" + n, "ip6",
                    "daddr", INTERNET_HOST, "udp", "dport", "9", "counter");
            // The daemon's IPv6 probes, from the provider's SLAAC address.
            lab.in("isp" + n, "nft", "add", "rule", "ip6", "flows", "forward", "iifname", "wan" + n, "ip6",
                    "saddr", "2001:db8:" + n + "::/64", "ip6", "daddr", INTERNET_HOST, "icmpv6", "type",
                    "echo-request", "counter");
        }
        // isp1's prefix after its renumbering is reached through isp1.
        lab.in("inet", "ip", "-6", "route", "add", "2001:db8:11::/64", "via", "2001:db8:64:1::1");
    }

    @Test
    void uplinksFollowRouterAdvertisements() {
        long started = System.nanoTime();
        isp1Ra = start("isp1", "wan1", ROUTER_LIFETIME);
        isp2Ra = start("isp2", "wan2", ROUTER_LIFETIME);
        List<Join> joins = join(new JoinWatch("if1", "2001:db8:1:"), new JoinWatch("if2", "2001:db8:2:"));
        Join isp1 = joins.get(0);
        Join isp2 = joins.get(1);
        System.out.printf("SLAAC join: if1 %d ms, if2 %d ms after the address became usable (one poll resolves);"
                + " %d and %d ms after"
                + " the advertisement (duplicate address detection included); both %d ms after dnsmasq started%n",
                isp1.millis(), isp2.millis(), isp1.sinceAdvertisement(), isp2.sinceAdvertisement(),
                (System.nanoTime() - started) / 1_000_000);

        // IPv6 probes leave from each provider's SLAAC address through that provider.
        for (int n = 1; n <= 2; n++) {
            long before = probes(n);
            int isp = n;
            assertTrue(Await.within(Await.DEADLINE, () -> probes(isp) >= before + 3),
                    () -> "no IPv6 probes through isp" + isp + " from its SLAAC address: " + probes(isp));
        }

        // Split access: replies leave through the provider whose address they come from.
        assertSourceRule(isp1.address(), "101|T1");
        assertSourceRule(isp2.address(), "102|T2");
        assertFlowsVia("router", isp2.address(), 2, 8);
        assertFlowsVia("router", isp1.address(), 1, 8);

        // 1:1 multipath, l4 hash: the LAN's flows (translated to the provider's address) leave
        // through both providers.
        long before1 = counter(1);
        long before2 = counter(2);
        sendFlows("lan", LAN_HOST, FLOWS);
        long via1 = counter(1) - before1;
        long via2 = counter(2) - before2;
        System.out.printf("SLAAC multipath: %d flows via isp1, %d via isp2%n", via1, via2);
        assertTrue(via1 >= FLOWS / 4 && via2 >= FLOWS / 4,
                "flows are not spread 1:1: " + via1 + " via isp1, " + via2 + " via isp2\n" + defaults());

        // Renumbering: isp1 announces a new prefix and deprecates the old one.
        lab.in("isp1", "ip", "addr", "add", "2001:db8:11::1/64", "dev", "wan1", "nodad");
        lab.in("isp1", "ip", "addr", "del", "2001:db8:1::1/64", "dev", "wan1");
        Await.until("a usable address from isp1's new prefix", () -> usableAddress("if1", "2001:db8:11:").isPresent());
        String renumbered = usableAddress("if1", "2001:db8:11:").orElseThrow();
        assertTrue(Await.within(JOIN, () -> hasSourceRule(renumbered, "101|T1")
                        && !hasSourceRule(isp1.address(), "101|T1")),
                () -> "the source rule did not move to " + renumbered + " within " + JOIN + ":\n"
                        + lab.ip("-6", "rule") + lab.ip("-6", "addr", "show", "dev", "if1"));
        assertFlowsVia("router", renumbered, 1, 8);

        // And back: the first prefix returns and the second is deprecated. The kernel now lists
        // the deprecated address first.
        lab.in("isp1", "ip", "addr", "add", "2001:db8:1::1/64", "dev", "wan1", "nodad");
        lab.in("isp1", "ip", "addr", "del", "2001:db8:11::1/64", "dev", "wan1");
        Await.until("isp1's first prefix preferred again", () -> usableAddress("if1", "2001:db8:1:").isPresent()
                && usableAddress("if1", "2001:db8:11:").isEmpty());
        assertTrue(Await.within(JOIN, () -> hasSourceRule(isp1.address(), "101|T1")
                        && !hasSourceRule(renumbered, "101|T1")),
                () -> "the source rule did not move back to " + isp1.address() + " within " + JOIN + ":\n"
                        + lab.ip("-6", "rule") + lab.ip("-6", "addr", "show", "dev", "if1"));
        assertFlowsVia("router", isp1.address(), 1, 8);

        // isp2's router withdraws itself (router lifetime 0): isp2 leaves the IPv6 default.
        isp2Ra.close();
        isp2Ra = start("isp2", "wan2", Duration.ZERO);
        Await.until("isp2 out of the IPv6 default", () -> !defaults().contains("dev if2"));
        assertTrue(defaults().contains("dev if1"), "isp1 left the IPv6 default too: " + defaults());
        String status = lab.lab("status");
        assertTrue(status.contains("IPv6"), "the status does not say why isp2 left the IPv6 default:\n" + status);
        assertTrue(lab.ip("-4", "route", "show", "default", "table", "4200").contains("dev if2"),
                "isp2 left the IPv4 default as well");

        // The advertisement returns.
        isp2Ra.close();
        isp2Ra = start("isp2", "wan2", ROUTER_LIFETIME);
        Await.until("isp2's router advertised again", () -> raDefault("if2"));
        long advertised = System.nanoTime();
        Await.until("isp2 back in the IPv6 default", () -> defaults().contains("dev if2"));
        long back = (System.nanoTime() - advertised) / 1_000_000;
        System.out.printf("SLAAC return: if2 %d ms after its advertised default route%n", back);
        assertTrue(back <= JOIN.toMillis(), "isp2 came back " + back + " ms after the advertisement");

        // No tentative address ever became a route's source (the kernel refuses those).
        String log = lab.daemonLog();
        assertFalse(log.contains("kernel refused"), () -> "the kernel refused what the daemon planned:\n" + log);
    }

    private RaServer start(String namespace, String device, Duration routerLifetime) {
        RaServer server = RaServer.start(lab, namespace, device, dir, (int) routerLifetime.toSeconds());
        servers.add(server);
        return server;
    }

    /**
     * @param millis from the address becoming usable to the join
     * @param sinceAdvertisement from the advertisement's address appearing (tentative) to the join
     */
    private record Join(String address, long millis, long sinceAdvertisement) {
    }

    /** One uplink's way in, each step's time taken by the first poll that sees it. */
    private final class JoinWatch {
        final String device;
        final String prefix;
        long advertised;
        long usable;
        long joined;
        String address;

        JoinWatch(String device, String prefix) {
            this.device = device;
            this.prefix = prefix;
        }

        void poll() {
            long now = System.nanoTime();
            if (advertised == 0 && lab.ip("-6", "addr", "show", "dev", device, "scope", "global")
                    .contains("inet6 " + prefix)) {
                advertised = now;
            }
            if (advertised != 0 && usable == 0) {
                usableAddress(device, prefix).ifPresent(a -> {
                    address = a;
                    usable = now;
                });
            }
            if (usable != 0 && joined == 0 && defaults().contains("dev " + device)) {
                joined = now;
            }
        }

        Join join() {
            assertTrue(joined != 0, () -> device + " did not join the IPv6 default (address " + address + "):\n"
                    + defaults() + lab.ip("-6", "addr", "show", "dev", device) + lab.daemonLog());
            long millis = (joined - usable) / 1_000_000;
            assertTrue(millis <= JOIN.toMillis(), () -> device + " joined the IPv6 default " + millis
                    + " ms after its address " + address + " became usable\n" + lab.daemonLog());
            return new Join(address, millis, (joined - advertised) / 1_000_000);
        }
    }

    /** Watches both uplinks at once, so that neither's times wait for the other's. */
    private List<Join> join(JoinWatch... watches) {
        Await.within(Await.DEADLINE.multipliedBy(2), () -> {
            boolean all = true;
            for (JoinWatch w : watches) {
                w.poll();
                all &= w.joined != 0;
            }
            return all;
        });
        return Arrays.stream(watches).map(JoinWatch::join).toList();
    }

    private Optional<String> usableAddress(String device, String prefix) {
        for (String line : lab.ip("-6", "addr", "show", "dev", device, "scope", "global").lines().toList()) {
            String l = line.strip();
            if (l.startsWith("inet6 " + prefix) && !l.contains("tentative") && !l.contains("deprecated")
                    && !l.contains("dadfailed")) {
                return Optional.of(l.split(" ")[1].split("/")[0]);
            }
        }
        return Optional.empty();
    }

    private boolean raDefault(String device) {
        return lab.ip("-6", "route", "show", "default").lines()
                .anyMatch(l -> l.contains("dev " + device) && l.contains("proto ra"));
    }

    private String defaults() {
        return lab.ip("-6", "route", "show", "default", "table", "4200");
    }

    private boolean hasSourceRule(String address, String tables) {
        return Pattern.compile("from " + Pattern.quote(address) + " lookup (" + tables + ")\\b")
                .matcher(lab.ip("-6", "rule")).find();
    }

    private void assertSourceRule(String address, String tables) {
        assertTrue(hasSourceRule(address, tables), () -> "no rule from " + address + ":\n" + lab.ip("-6", "rule"));
    }

    /** Flows from {@code source} all leave through provider {@code n}. */
    private void assertFlowsVia(String namespace, String source, int n, int flows) {
        long before = counter(n);
        long other = counter(3 - n);
        sendFlows(namespace, source, flows);
        assertTrue(Await.within(Await.DEADLINE, () -> counter(n) - before >= flows),
                () -> "flows from " + source + " did not leave through isp" + n + ": " + (counter(n) - before)
                        + " of " + flows + "\n" + lab.ip("-6", "rule"));
        assertFalse(counter(3 - n) > other, "flows from " + source + " leaked through isp" + (3 - n));
    }

    private void sendFlows(String namespace, String source, int count) {
        lab.in(namespace, PYTHON.toString(), "-c", SEND_FLOWS, source, INTERNET_HOST, Integer.toString(count));
    }

    private long counter(int n) {
        return counters(n).get(0);
    }

    private long probes(int n) {
        return counters(n).get(1);
    }

    /** isp{@code n}'s counters in rule order: flows, then probes. */
    private List<Long> counters(int n) {
        Matcher m = PACKETS.matcher(lab.in("isp" + n, "nft", "list", "chain", "ip6", "flows", "forward"));
        List<Long> out = new ArrayList<>();
        while (m.find()) {
            out.add(Long.parseLong(m.group(1)));
        }
        assertTrue(out.size() == 2, "isp" + n + " has not its two counters: " + out);
        return out;
    }
}
