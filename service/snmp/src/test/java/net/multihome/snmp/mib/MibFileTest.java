package net.multihome.snmp.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.multihome.snmp.testing.Mibs;
import net.multihome.snmp.testing.Tools;
import org.junit.jupiter.api.Test;

/** mib/MULTIHOME-MIB.txt is clean SMIv2 and loads into net-snmp with the OIDs the code uses. */
class MibFileTest {

    @Test
    void smilintLevel6ReportsNothing() throws Exception {
        String smilint = Tools.require("smilint", "smitools");
        Path mib = Mibs.ourDirectory().resolve("MULTIHOME-MIB.txt");
        Tools.Result result = Tools.run(List.of(smilint, "-l", "6", "-s", "-m", mib.toString()),
                Map.of("SMIPATH", Mibs.ourDirectory() + ":" + Mibs.baseDirectory()), Duration.ofSeconds(30));
        // smilint exits 0 even on errors: any output is a finding
        assertEquals("", result.all(), "smilint -l 6 findings");
    }

    @Test
    void snmptranslateResolvesOurNamesToTheCodesOids() throws Exception {
        String snmptranslate = Tools.require("snmptranslate", "snmp");
        Map<String, String> expected = Map.ofEntries(
                Map.entry("MULTIHOME-MIB::providerDown", Oids.PROVIDER_DOWN.toString()),
                Map.entry("MULTIHOME-MIB::providerUp", Oids.PROVIDER_UP.toString()),
                Map.entry("MULTIHOME-MIB::providerDegraded", Oids.PROVIDER_DEGRADED.toString()),
                Map.entry("MULTIHOME-MIB::mhProviderOperStatus",
                        Oids.child(Oids.PROVIDER_ENTRY, Oids.COL_PROVIDER_OPER_STATUS).toString()),
                Map.entry("MULTIHOME-MIB::mhTargetState", Oids.child(Oids.TARGET_ENTRY, 7).toString()),
                Map.entry("MULTIHOME-MIB::mhLastReconcileResult", Oids.child(Oids.GENERAL, 6).toString()),
                Map.entry("MULTIHOME-MIB::multihomeRouter", Oids.SYS_OBJECT_ID.toString()),
                Map.entry("MULTIHOME-MIB::mhVrrpStateChange", Oids.VRRP_STATE_CHANGE.toString()),
                Map.entry("MULTIHOME-MIB::mhVrrpState.0", Oids.VRRP_STATE.toString()),
                Map.entry("MULTIHOME-MIB::mhVrrpVirtualRouterId.0", Oids.VRRP_VIRTUAL_ROUTER_ID.toString()));
        for (var entry : expected.entrySet()) {
            Tools.Result result = Tools.run(List.of(snmptranslate, "-M", "+:" + Mibs.netSnmpPath(),
                    "-m", "+MULTIHOME-MIB", "-On", entry.getKey()), Map.of("MIBS", ""), Duration.ofSeconds(30));
            assertEquals(0, result.exitCode(), result.all());
            assertEquals("." + entry.getValue(), result.stdout().trim(), entry.getKey());
        }
    }

    @Test
    void enterpriseNumberAppearsOnceInTheMib() throws Exception {
        String text = Files.readString(Mibs.ourDirectory().resolve("MULTIHOME-MIB.txt"));
        assertEquals(1, text.split("\\{ enterprises 32473 \\}", -1).length - 1);
        assertTrue(text.contains("placeholder"));
    }
}
