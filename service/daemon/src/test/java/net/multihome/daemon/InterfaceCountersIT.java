package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.multihome.testing.Await;
import net.multihome.testing.Commands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IF-MIB counters follow the kernel between reconcile passes: pings sent out of the lab
 * router's if1 raise its ifHCOutOctets (and the 32-bit ifOutOctets) by at least the bytes sent,
 * within a few refresh periods.
 */
@Tag("netns")
class InterfaceCountersIT {

    private static final String IF_HC_OUT_OCTETS = ".1.3.6.1.2.1.31.1.1.1.10.";
    private static final String IF_OUT_OCTETS = ".1.3.6.1.2.1.2.2.1.16.";
    private static final int PINGS = 40;
    private static final int PAYLOAD = 1000;
    /** An IPv4 echo request of {@link #PAYLOAD} bytes: payload, ICMP and IP headers, no link header. */
    private static final long BYTES_PER_PING = PAYLOAD + 8 + 20;

    @TempDir
    Path dir;

    private Lab lab;

    @AfterEach
    void down() {
        if (lab != null) {
            lab.close();
        }
    }

    private long counter(String oid) {
        String value = Commands.run(List.of("snmpget", "-v2c", "-c", "public", "-Oqv", "127.0.0.1:" + lab.snmpPort,
                oid), Map.of(), Duration.ofSeconds(20)).orFail().strip();
        return Long.parseLong(value);
    }

    private int ifindex(String name) {
        Matcher m = Pattern.compile("^(\\d+):").matcher(lab.ip("-o", "link", "show", "dev", name));
        assertTrue(m.find(), "ifindex of " + name);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void pingsThroughIf1RaiseItsOutOctets() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/snmpget")), "needs snmpget (Debian snmp)");
        lab = Lab.up(dir);
        int if1 = ifindex("if1");
        long hcBefore = counter(IF_HC_OUT_OCTETS + if1);
        long before = counter(IF_OUT_OCTETS + if1);

        lab.in("router", "ping", "-n", "-q", "-I", "if1", "-s", Integer.toString(PAYLOAD), "-c",
                Integer.toString(PINGS), "-i", "0.01", "-W", "1", "203.0.113.1");

        long sent = PINGS * BYTES_PER_PING;
        assertTrue(Await.within(Duration.ofSeconds(10), () -> counter(IF_HC_OUT_OCTETS + if1) - hcBefore >= sent),
                () -> "ifHCOutOctets of if1 rose by " + (counter(IF_HC_OUT_OCTETS + if1) - hcBefore) + ", sent "
                        + sent + "\n" + lab.daemonLog());
        // Counter32 wraps modulo 2^32.
        assertTrue(Await.within(Duration.ofSeconds(10),
                () -> Math.floorMod(counter(IF_OUT_OCTETS + if1) - before, 1L << 32) >= sent),
                "ifOutOctets of if1 rose by the bytes sent");
    }
}
