package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.multihome.testing.Await;
import net.multihome.testing.Commands;
import net.multihome.testing.Root;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's SNMP agent in a lab router: a provider losing its link shows as down in the
 * provider table (polled through the lab's forwarder) and sends providerDown to the trap
 * target of the recipe's management section (snmptrapd on 127.0.0.1:162 in the router).
 */
@Tag("netns")
class SnmpEndToEndIT {

    private static final Path MIB_DIR = Path.of("../../mib").toAbsolutePath().normalize();
    /** mhProviderOperStatus of isp1 (index 1): up(1), down(3). */
    private static final String ISP1_OPER_STATUS = ".1.3.6.1.4.1.32473.1.2.1.9.1";

    @TempDir
    Path dir;

    private Lab lab;
    private Process trapd;

    @AfterEach
    void down() throws InterruptedException {
        if (trapd != null) {
            trapd.destroy();
            trapd.waitFor();
        }
        if (lab != null) {
            lab.close();
        }
    }

    private static Path baseMibs() {
        return Stream.of(System.getenv("SMI_BASE_DIR"), "/tmp/multihome-smi-base", "/tmp/anchors-smi-base")
                .filter(d -> d != null && Files.isRegularFile(Path.of(d, "SNMPv2-SMI")))
                .map(Path::of).findFirst().orElse(null);
    }

    private String operStatus() {
        return Commands.run(List.of("snmpget", "-v2c", "-c", "public", "-Oqv", "127.0.0.1:" + lab.snmpPort,
                ISP1_OPER_STATUS), Map.of(), Duration.ofSeconds(20)).orFail().strip();
    }

    @Test
    void providerDownShowsInTheTableAndSendsATrap() throws IOException {
        Root.assume();
        Path base = baseMibs();
        assumeTrue(base != null, "needs the IETF base MIBs (SMI_BASE_DIR; .ci/run provides them)");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/snmptrapd")), "needs snmptrapd (Debian snmptrapd)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/snmpget")), "needs snmpget (Debian snmp)");
        lab = Lab.up(dir);
        Path conf = dir.resolve("snmptrapd.conf");
        Files.writeString(conf, "disableAuthorization yes\n");
        Path log = dir.resolve("traps.log");
        trapd = new ProcessBuilder("ip", "netns", "exec", lab.prefix + "-router", "snmptrapd", "-f", "-C",
                "-c", conf.toString(), "-M", MIB_DIR + ":" + base, "-m", "ALL", "-Lf", log.toString(),
                "udp:127.0.0.1:162").redirectErrorStream(true).redirectOutput(dir.resolve("trapd.out").toFile())
                .start();
        assertTrue(Await.within(Duration.ofSeconds(10), () -> Files.exists(log)), "snmptrapd started");
        assertTrue(Await.within(Duration.ofSeconds(10), () -> operStatus().equals("1")), "isp1 up: " + operStatus());

        lab.lab("fail", "isp1", "link");

        assertTrue(Await.within(Duration.ofSeconds(10), () -> operStatus().equals("3")), "isp1 down in the table");
        assertTrue(Await.within(Duration.ofSeconds(10), () -> read(log).contains("MULTIHOME-MIB::providerDown")),
                () -> "no providerDown trap:\n" + read(log) + "\n" + lab.daemonLog());
        String traps = read(log);
        assertTrue(traps.contains("isp1") && traps.contains("has no carrier"), traps);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
