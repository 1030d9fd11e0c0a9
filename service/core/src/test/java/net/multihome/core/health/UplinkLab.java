package net.multihome.core.health;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.multihome.testing.CommandResult;
import net.multihome.testing.Namespace;
import net.multihome.testing.Namespaces;

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
 * Creating it skips the test when not root.
 */
final class UplinkLab implements AutoCloseable {

    private final Namespaces namespaces;
    final Namespace router;
    final Namespace provider1;
    final Namespace provider2;

    private UplinkLab(Namespaces namespaces) {
        this.namespaces = namespaces;
        try {
            router = namespaces.create("hc-r");
            provider1 = namespaces.create("hc-p1");
            provider2 = namespaces.create("hc-p2");
        } catch (RuntimeException | Error e) {
            namespaces.close();
            throw e;
        }
    }

    static UplinkLab create() {
        UplinkLab lab = new UplinkLab(new Namespaces());
        try {
            lab.wire();
            return lab;
        } catch (RuntimeException | Error e) {
            lab.close();
            throw e;
        }
    }

    private void wire() {
        router.veth("up1", provider1, "wan");
        router.veth("up2", provider2, "wan");
        router.address("up1", "10.201.0.1/24");
        router.address("up1", "fd01::1/64", "nodad");
        router.address("up2", "10.202.0.1/24");
        router.ip("route", "add", "default", "via", "10.202.0.2", "dev", "up2");
        provider1.address("wan", "10.201.0.2/24");
        provider1.address("wan", "fd01::2/64", "nodad");
        provider2.address("wan", "10.202.0.2/24");
        provider2.address("lo", "10.201.0.2/32");
    }

    static ProbeBinding uplink1() {
        return new ProbeBinding("up1", (Inet4Address) address("10.201.0.1"), (Inet6Address) address("fd01::1"));
    }

    static ProbeBinding uplink2() {
        return new ProbeBinding("up2", (Inet4Address) address("10.202.0.1"), null);
    }

    /** Echo requests provider2 received so far (counted by an nftables rule installed on first use). */
    long echoRequestsAtProvider2() {
        CommandResult listing = provider2.tryExec("nft", "list", "chain", "inet", "mhtest", "in");
        if (!listing.succeeded()) {
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
        Matcher m = Pattern.compile("packets (\\d+)").matcher(listing.output());
        if (!m.find()) {
            throw new AssertionError("no counter in: " + listing.output());
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
    public void close() {
        namespaces.close();
    }
}
