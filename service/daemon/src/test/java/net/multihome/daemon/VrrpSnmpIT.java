package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.multihome.testing.Await;
import net.multihome.testing.Commands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VRRP state in SNMP, in a lab router on the recipe with a redundancy section: the test
 * replaces the state file as keepalived's notify script does, and sees mhVrrpState follow it and
 * mhVrrpStateChange arrive at the recipe's trap target (snmptrapd on 127.0.0.1:162 in the router)
 * once per change.
 */
@Tag("netns")
class VrrpSnmpIT {

    private static final String VRRP_STATE = ".1.3.6.1.4.1.32473.1.5.1.0";
    private static final String VRRP_VIRTUAL_ROUTER_ID = ".1.3.6.1.4.1.32473.1.5.3.0";
    private static final String VRRP_EFFECTIVE_PRIORITY = ".1.3.6.1.4.1.32473.1.5.5.0";
    private static final String REDUNDANCY = """
                <redundancy>
                  <sync-interface>sync0</sync-interface>
                  <address>198.18.0.1</address>
                  <peer-address>198.18.0.2</peer-address>
                  <vrrp>
                    <virtual-router-id>51</virtual-router-id>
                    <priority>150</priority>
                    <virtual-address>10.0.0.1/24</virtual-address>
                  </vrrp>
                </redundancy>
              </multihome>
            """;

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

    private String get(String oid) {
        return Commands.run(List.of("snmpget", "-v2c", "-c", "public", "-Oqv", "127.0.0.1:" + lab.snmpPort, oid),
                Map.of(), Duration.ofSeconds(20)).orFail().strip();
    }

    /** As vrrp-notify does: a new file moved over the old one. */
    private void notify(String state) throws IOException {
        Path tmp = Files.writeString(lab.runDir.resolve("vrrp-state.test"), state + "\n");
        Files.move(tmp, lab.runDir.resolve("vrrp-state"), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theStateFollowsTheNotifyScriptAndEachChangeSendsATrap() throws IOException {
        LabTrapReceiver.assumeTools();
        Path factory = dir.resolve("lab-vrrp.xml");
        Files.writeString(factory, Files.readString(Lab.RECIPE).replace("  </multihome>\n", REDUNDANCY));
        lab = Lab.up(dir, factory);
        trapd = LabTrapReceiver.start(lab, dir);
        assertEquals("1", get(VRRP_STATE), "unknown before keepalived reported a state");
        assertEquals("51", get(VRRP_VIRTUAL_ROUTER_ID));

        notify("BACKUP");
        assertTrue(Await.within(Duration.ofSeconds(10), () -> get(VRRP_STATE).equals("2")), "backup");
        notify("BACKUP");
        notify("MASTER");
        assertTrue(Await.within(Duration.ofSeconds(10), () -> get(VRRP_STATE).equals("3")), "master");
        assertTrue(Await.within(Duration.ofSeconds(10), () -> count(trapd.traps()) >= 2),
                () -> "no mhVrrpStateChange for each change:\n" + trapd.traps() + "\n" + lab.daemonLog());
        String traps = trapd.traps();
        assertTrue(traps.contains("MULTIHOME-MIB::mhVrrpState.0 = INTEGER: backup(2)")
                && traps.contains("MULTIHOME-MIB::mhVrrpState.0 = INTEGER: master(3)")
                && traps.contains("MULTIHOME-MIB::mhVrrpVirtualRouterId.0 = Gauge32: 51"), traps);
        assertEquals(2, count(trapd.traps()), "one trap per change, none for the rewritten BACKUP: " + traps);

        assertTrue(Await.within(Duration.ofSeconds(10), () -> get(VRRP_EFFECTIVE_PRIORITY).equals("150")),
                "the configured priority while a provider is up");
        lab.ip("link", "set", "if1", "down");
        lab.ip("link", "set", "if2", "down");
        assertTrue(Await.within(Duration.ofSeconds(10), () -> get(VRRP_EFFECTIVE_PRIORITY).equals("0")),
                () -> "no provider up: the default track faults the instance, yet "
                        + get(VRRP_EFFECTIVE_PRIORITY) + "\n" + lab.daemonLog());
        lab.ip("link", "set", "if1", "up");
        assertTrue(Await.within(Duration.ofSeconds(30), () -> get(VRRP_EFFECTIVE_PRIORITY).equals("150")),
                "back when a provider is up again");
    }

    private static int count(String traps) {
        return traps.split("MULTIHOME-MIB::mhVrrpStateChange", -1).length - 1;
    }
}
