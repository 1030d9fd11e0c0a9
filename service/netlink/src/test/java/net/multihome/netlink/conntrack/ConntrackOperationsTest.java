package net.multihome.netlink.conntrack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.multihome.netlink.NetlinkException;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.IpAddresses;
import net.multihome.testing.Namespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Real conntrack entries in a namespace of the test's own, made with the {@code conntrack} tool
 * and by real traffic; what is left is read back with {@code conntrack -L}. Marks follow the
 * daemon's scheme: provider n is {@code n << 16} under the mask {@code 0x00ff0000}.
 */
@Tag("netns")
class ConntrackOperationsTest {

    private static final long MASK = 0x00ff0000L;
    private static final long ISP1 = 1L << 16;
    private static final long ISP2 = 2L << 16;
    private static final Pattern LISTED = Pattern.compile("^(\\S+)\\s.*?src=(\\S+) .*mark=(\\d+)");

    private Namespace ns;
    private ConntrackHandle ct;

    @BeforeEach
    void createNamespace() {
        ns = Namespace.create("ct");
        ct = ConntrackHandle.open(ns.path());
    }

    @AfterEach
    void deleteNamespace() {
        try {
            if (ct != null) {
                ct.close();
            }
        } finally {
            if (ns != null) {
                ns.close();
            }
        }
    }

    @Test
    void deletesExactlyTheEntriesOfOneProviderInBothFamilies() {
        insert("tcp", "10.0.0.2", "192.0.2.1", ISP1);
        insert("tcp", "10.0.0.3", "192.0.2.1", ISP2);
        insert("tcp", "10.0.0.4", "198.51.100.1", ISP2);
        insert("udp", "10.0.0.5", "198.51.100.1", ISP2 | 0x7);
        insert("udp", "fd00::5", "2001:db8::1", ISP2);
        insert("tcp", "fd00::6", "2001:db8::1", ISP1);
        insert("tcp", "10.0.0.7", "192.0.2.1", 0x01_02_0000L);
        insert("tcp", "10.0.0.8", "192.0.2.1", 0x00_12_0000L);
        insert("tcp", "10.0.0.9", "192.0.2.1", 0);

        assertEquals(5, ct.entries(ISP2, MASK).size());
        assertEquals(5, ct.deleteByMark(ISP2, MASK));

        assertEquals(Set.of("tcp 10.0.0.2 65536", "tcp fd00::6 65536", "tcp 10.0.0.8 1179648", "tcp 10.0.0.9 0"),
                listed());
        assertEquals(List.of(), ct.entries(ISP2, MASK));
        assertEquals(4, ct.entries(0, 0).size());
    }

    @Test
    void listsEntriesWithTheirTuplesAndMark() {
        insert("tcp", "10.0.0.2", "192.0.2.1", ISP2);
        insert("udp", "fd00::5", "2001:db8::1", ISP2);
        List<ConntrackEntry> entries = new ArrayList<>(ct.entries(ISP2, MASK));
        entries.sort((a, b) -> a.family().compareTo(b.family()));
        assertEquals(List.of(
                new ConntrackEntry(Family.INET, 6,
                        new ConntrackEntry.Tuple(IpAddresses.parse("10.0.0.2"), IpAddresses.parse("192.0.2.1"), 40000, 80),
                        new ConntrackEntry.Tuple(IpAddresses.parse("192.0.2.1"), IpAddresses.parse("10.0.0.2"), 80, 40000),
                        ISP2),
                new ConntrackEntry(Family.INET6, 17,
                        new ConntrackEntry.Tuple(IpAddresses.parse("fd00::5"), IpAddresses.parse("2001:db8::1"), 40000, 80),
                        new ConntrackEntry.Tuple(IpAddresses.parse("2001:db8::1"), IpAddresses.parse("fd00::5"), 80, 40000),
                        ISP2)), entries);
    }

    @Test
    void deletesEntriesOfRealTrafficMarkedByNftables() {
        // ICMP echo over loopback, marked per destination as the daemon's postrouting chain marks per provider
        ns.nft("""
                table inet tagging {
                    chain out {
                        type filter hook output priority 0;
                        ip daddr 127.0.0.2 ct mark set ct mark & 0xff00ffff | 0x00010000
                        ip daddr 127.0.0.3 ct mark set ct mark & 0xff00ffff | 0x00020000
                        ip6 daddr ::1 ct mark set ct mark & 0xff00ffff | 0x00020000
                    }
                }
                """);
        ns.exec("ping", "-c", "1", "-W", "5", "127.0.0.2");
        ns.exec("ping", "-c", "1", "-W", "5", "127.0.0.3");
        ns.exec("ping", "-6", "-c", "1", "-W", "5", "::1");

        assertEquals(2, ct.deleteByMark(ISP2, MASK));

        assertEquals(Set.of("icmp 127.0.0.1 65536"), listed());
    }

    @Test
    void nothingToDeleteIsZero() {
        insert("tcp", "10.0.0.2", "192.0.2.1", ISP1);
        assertEquals(0, ct.deleteByMark(ISP2, MASK));
        assertEquals(0, ct.deleteByMark(ISP2, MASK));
        assertEquals(Set.of("tcp 10.0.0.2 65536"), listed());
    }

    @Test
    void deletesEntriesInOtherZonesToo() {
        ns.exec("conntrack", "-I", "-p", "udp", "-s", "10.0.0.2", "-d", "192.0.2.1", "--sport", "40000", "--dport", "53",
                "-t", "600", "--zone", "5", "--mark", Long.toString(ISP2));
        insert("udp", "10.0.0.2", "192.0.2.1", ISP2);

        assertEquals(2, ct.deleteByMark(ISP2, MASK));
        assertEquals(Set.of(), listed());
    }

    @Test
    void anEntryGoneSinceTheDumpIsSkippedNotAnError() {
        insert("tcp", "10.0.0.2", "192.0.2.1", ISP2);
        insert("tcp", "10.0.0.3", "192.0.2.1", ISP2);
        insert("udp", "fd00::4", "2001:db8::1", ISP2);
        List<DumpedEntry> dumped = ct.dump(ISP2, MASK);
        ns.exec("conntrack", "-D", "-s", "10.0.0.3");
        ns.exec("conntrack", "-D", "-f", "ipv6", "-s", "fd00::4");

        assertEquals(1, ct.delete(dumped));
        assertEquals(Set.of(), listed());
    }

    @Test
    void kernelRefusalsOverCtnetlinkCarryTheErrnoName() {
        try (ConntrackFixture fixture = new ConntrackFixture(ns.path())) {
            List<ConntrackFixture.Udp> one = List.of(new ConntrackFixture.Udp(IpAddresses.parse("10.0.0.2"), 40000,
                    IpAddresses.parse("192.0.2.1"), 53, ISP1));
            fixture.create(one, 600);
            NetlinkException e = assertThrows(NetlinkException.class, () -> fixture.create(one, 600));
            assertEquals("EEXIST", e.errnoName());
            assertTrue(e.getMessage().startsWith("EEXIST: "), e.getMessage());
        }
    }

    @Test
    void refusesMarksThatMatchNothingOrEverything() {
        assertThrows(IllegalArgumentException.class, () -> ct.deleteByMark(0x1_0000_0000L, MASK));
        assertThrows(IllegalArgumentException.class, () -> ct.deleteByMark(0x100, MASK));
        assertThrows(IllegalArgumentException.class, () -> ct.deleteByMark(0, 0));
        assertTrue(ct.entries(0, 0).isEmpty());
    }

    /**
     * {@code conntrack -I}; {@code -u} goes before {@code --mark} because conntrack 1.4.7 lets a
     * later {@code -u ASSURED} overwrite the mark.
     */
    private void insert(String protocol, String source, String destination, long mark) {
        List<String> args = new ArrayList<>(List.of("conntrack", "-I", "-p", protocol, "-s", source, "-d", destination,
                "--sport", "40000", "--dport", "80", "-t", "600"));
        if (protocol.equals("tcp")) {
            args.addAll(List.of("-u", "ASSURED", "--state", "ESTABLISHED"));
        }
        args.addAll(List.of("--mark", Long.toString(mark)));
        ns.exec(args.toArray(String[]::new));
    }

    /** {@code conntrack -L} of both families as "protocol source mark" lines. */
    private Set<String> listed() {
        Set<String> out = new TreeSet<>();
        for (String family : List.of("ipv4", "ipv6")) {
            for (String line : ns.exec("conntrack", "-L", "-f", family).lines().toList()) {
                Matcher m = LISTED.matcher(line);
                if (m.find()) {
                    out.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
                }
            }
        }
        return out;
    }
}
