package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.multihome.testing.Await;
import net.multihome.testing.Commands;
import net.multihome.testing.Root;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's SNMP agent in a lab router: a provider losing its link shows as down in the
 * provider table (polled from the host, on the socket the lab hands to the daemon) and sends
 * providerDown to the trap target of the recipe's management section (snmptrapd on
 * 127.0.0.1:162 in the router).
 */
@Tag("netns")
class SnmpEndToEndIT {

    /** mhProviderOperStatus of isp1 (index 1): up(1), down(3). */
    private static final String ISP1_OPER_STATUS = ".1.3.6.1.4.1.32473.1.2.1.9.1";

    @TempDir
    Path dir;

    private Lab lab;
    private LabTrapReceiver trapd;

    @AfterEach
    void down() {
        if (trapd != null) {
            trapd.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    private String operStatus() {
        return Commands.run(List.of("snmpget", "-v2c", "-c", "public", "-Oqv", "127.0.0.1:" + lab.snmpPort,
                ISP1_OPER_STATUS), Map.of(), Duration.ofSeconds(20)).orFail().strip();
    }

    @Test
    void providerDownShowsInTheTableAndSendsATrap() throws IOException {
        Root.assume();
        LabTrapReceiver.assumeTools();
        lab = Lab.up(dir);
        trapd = LabTrapReceiver.start(lab, dir);
        assertTrue(Await.within(Duration.ofSeconds(10), () -> operStatus().equals("1")), "isp1 up: " + operStatus());

        lab.lab("fail", "isp1", "link");

        assertTrue(Await.within(Duration.ofSeconds(10), () -> operStatus().equals("3")), "isp1 down in the table");
        assertTrue(Await.within(Duration.ofSeconds(10), () -> trapd.traps().contains("MULTIHOME-MIB::providerDown")),
                () -> "no providerDown trap:\n" + trapd.traps() + "\n" + lab.daemonLog());
        String traps = trapd.traps();
        assertTrue(traps.contains("isp1") && traps.contains("has no carrier"), traps);
    }
}
