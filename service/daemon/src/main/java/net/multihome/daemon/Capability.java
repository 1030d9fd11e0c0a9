package net.multihome.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The capabilities the daemon's work needs, checked against the effective set in
 * /proc/self/status before it touches the kernel, so that a daemon started without them says
 * so in one line rather than failing later on its first netlink request.
 */
enum Capability {
    CAP_NET_ADMIN(12, "changing routes, rules, nexthops and the multipath sysctls"),
    CAP_NET_RAW(13, "ICMP health probes (raw sockets) and probes bound to an uplink"),
    CAP_NET_BIND_SERVICE(10, "NETCONF and SNMP listeners on ports below 1024");

    private final int bit;
    private final String without;

    Capability(int bit, String without) {
        this.bit = bit;
        this.without = without;
    }

    /** What fails without it. */
    String without() {
        return without;
    }

    boolean in(long set) {
        return (set & (1L << bit)) != 0;
    }

    /** The effective set of this process. */
    static long effective() throws IOException {
        return effective(Files.readString(Path.of("/proc/self/status")));
    }

    /** The CapEff line of a /proc/PID/status text, as a bit set. */
    static long effective(String procStatus) {
        Optional<String> line = procStatus.lines().filter(l -> l.startsWith("CapEff:")).findFirst();
        if (line.isEmpty()) {
            throw new IllegalArgumentException("no CapEff line in /proc/self/status");
        }
        return Long.parseUnsignedLong(line.get().substring("CapEff:".length()).trim(), 16);
    }
}
