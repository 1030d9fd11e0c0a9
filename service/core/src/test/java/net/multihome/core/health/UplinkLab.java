package net.multihome.core.health;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A router namespace with two uplinks to two provider namespaces, for probe tests:
 * <pre>
 *   router  up1 10.201.0.1/24 fd01::1/64 ---- wan 10.201.0.2/24 fd01::2/64   provider1
 *   router  up2 10.202.0.1/24 ------------------ wan 10.202.0.2/24             provider2
 *                                                    + 10.201.0.2/32 on lo  (same address as provider1)
 *   router main table: default via 10.202.0.2 dev up2
 * </pre>
 * Provider2 also holds 10.201.0.2, so a probe that left through the wrong uplink would be
 * answered. Both providers drop forwarded packets (forwarding is off in a new namespace).
 */
final class UplinkLab implements AutoCloseable {

    final Netns router;
    final Netns provider1;
    final Netns provider2;

    private UplinkLab(Netns router, Netns provider1, Netns provider2) {
        this.router = router;
        this.provider1 = provider1;
        this.provider2 = provider2;
    }

    static UplinkLab create() throws IOException {
        Netns router = Netns.create("r");
        Netns p1 = null;
        Netns p2 = null;
        try {
            p1 = Netns.create("p1");
            p2 = Netns.create("p2");
            router.veth("up1", p1, "wan");
            router.veth("up2", p2, "wan");
            router.ip("addr", "add", "10.201.0.1/24", "dev", "up1");
            router.ip("addr", "add", "fd01::1/64", "dev", "up1", "nodad");
            router.ip("addr", "add", "10.202.0.1/24", "dev", "up2");
            router.ip("route", "add", "default", "via", "10.202.0.2", "dev", "up2");
            p1.ip("addr", "add", "10.201.0.2/24", "dev", "wan");
            p1.ip("addr", "add", "fd01::2/64", "dev", "wan", "nodad");
            p2.ip("addr", "add", "10.202.0.2/24", "dev", "wan");
            p2.ip("addr", "add", "10.201.0.2/32", "dev", "lo");
            return new UplinkLab(router, p1, p2);
        } catch (IOException | RuntimeException e) {
            closeQuietly(p2, e);
            closeQuietly(p1, e);
            closeQuietly(router, e);
            throw e;
        }
    }

    static ProbeBinding uplink1() {
        return new ProbeBinding("up1", (Inet4Address) address("10.201.0.1"), (Inet6Address) address("fd01::1"));
    }

    static ProbeBinding uplink2() {
        return new ProbeBinding("up2", (Inet4Address) address("10.202.0.1"), null);
    }

    /** Echo requests provider2 received so far (counted by an nftables rule installed on first use). */
    long echoRequestsAtProvider2() throws IOException {
        String listing;
        try {
            listing = provider2.exec("nft", "list", "chain", "inet", "mhtest", "in");
        } catch (IOException notYet) {
            provider2.nft("""
                    table inet mhtest {
                      chain in {
                        type filter hook input priority 0;
                        icmp type echo-request counter
                      }
                    }
                    """);
            return 0;
        }
        Matcher m = Pattern.compile("packets (\\d+)").matcher(listing);
        if (!m.find()) {
            throw new IOException("no counter in: " + listing);
        }
        return Long.parseLong(m.group(1));
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Netns ns : new Netns[] {provider2, provider1, router}) {
            try {
                ns.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static void closeQuietly(Netns ns, Exception pending) {
        if (ns == null) {
            return;
        }
        try {
            ns.close();
        } catch (IOException e) {
            pending.addSuppressed(e);
        }
    }
}
