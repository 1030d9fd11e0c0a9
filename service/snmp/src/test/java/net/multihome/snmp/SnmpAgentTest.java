package net.multihome.snmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.multihome.core.config.Management;
import net.multihome.core.plan.OperStatus;
import net.multihome.netlink.model.IpPrefix;
import net.multihome.snmp.mib.Oids;
import net.multihome.snmp.testing.FakeStatus;
import net.multihome.snmp.testing.Poll;
import net.multihome.snmp.testing.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The running agent, read with net-snmp's command line tools. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class SnmpAgentTest {

    private AgentFixture fixture;

    @BeforeAll
    void start(@TempDir Path state) throws Exception {
        Tools.require("snmpwalk", "snmp");
        fixture = new AgentFixture(state, List.of());
    }

    @AfterAll
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void walkOfTheWholeViewHasIncreasingOidsAndTheStandardGroups() throws Exception {
        // no -Cc: snmpwalk itself fails on "OID not increasing"
        Tools.Result walk = fixture.snmp("snmpwalk", AgentFixture.v2c(), ".1");
        assertEquals(0, walk.exitCode(), walk.all());
        assertFalse(walk.all().contains("not increasing"), walk.all());
        Map<String, String> values = parse(walk.stdout());

        assertTrue(values.get(".1.3.6.1.2.1.1.1.0").startsWith("STRING: \"Linux "), values.get(".1.3.6.1.2.1.1.1.0"));
        assertTrue(values.get(".1.3.6.1.2.1.1.1.0").contains("multihome test"));
        assertEquals("OID: ." + Oids.SYS_OBJECT_ID, values.get(".1.3.6.1.2.1.1.2.0"));
        assertEquals("STRING: \"noc@example.invalid\"", values.get(".1.3.6.1.2.1.1.4.0"));
        assertEquals("STRING: \"lab rack 1\"", values.get(".1.3.6.1.2.1.1.6.0"));
        assertTrue(values.containsKey(".1.3.6.1.2.1.11.1.0"), "snmpInPkts");
        // IF-MIB: kernel ifindex, ifName, ifAlias, ifHighSpeed, HC counters
        assertEquals("INTEGER: 3", values.get(".1.3.6.1.2.1.2.1.0"));
        assertEquals("STRING: \"mh0\"", values.get(".1.3.6.1.2.1.31.1.1.1.1.2"));
        assertEquals("STRING: \"uplink isp-a\"", values.get(".1.3.6.1.2.1.31.1.1.1.18.2"));
        assertEquals("Counter64: 7000000000000", values.get(".1.3.6.1.2.1.31.1.1.1.6.2"));
        assertTrue(values.containsKey(".1.3.6.1.2.1.31.1.1.1.15.2"), "ifHighSpeed");
        assertEquals("INTEGER: 7", values.get(".1.3.6.1.2.1.2.2.1.8.3"), "mh1 lowerLayerDown");
        // MULTIHOME-MIB
        assertEquals("Gauge32: 2", values.get("." + Oids.child(Oids.GENERAL, 3, 0)));
        assertEquals("Counter64: 42", values.get("." + Oids.child(Oids.GENERAL, 5, 0)));
        assertEquals("STRING: \"isp-a\"", values.get("." + Oids.child(Oids.PROVIDER_ENTRY, 2, 1)));
        assertEquals("STRING: \"2001:db8::10\"", values.get("." + Oids.child(Oids.PROVIDER_ENTRY, 5, 2)));
        assertEquals("INTEGER: 2", values.get("." + Oids.child(Oids.PROVIDER_ENTRY, 9, 2)), "isp-b degraded");
        assertEquals("Gauge32: 7500", values.get("." + Oids.child(Oids.PROVIDER_ENTRY, 13, 1)), "route share 75.00%");
        assertEquals("STRING: \"198.51.100.2\"", values.get("." + Oids.child(Oids.TARGET_ENTRY, 2, 1, 2)));
        // IP-FORWARD-MIB: main and the providers' tables, one row per path
        assertEquals("Gauge32: 4", values.get(".1.3.6.1.2.1.4.24.6.0"));
        assertEquals("INTEGER: 4", values.get(".1.3.6.1.2.1.4.24.7.1.8.1.4.0.0.0.0.0.2.0.0.1.4.192.0.2.1"),
                "default route via isp-a: remote(4)");
        assertEquals("INTEGER: 3", values.get(".1.3.6.1.2.1.4.24.7.1.7.1.4.0.0.0.0.0.2.0.0.1.4.198.51.100.254"),
                "second path leaves on ifIndex 3");
        assertEquals("INTEGER: 3", values.get(".1.3.6.1.2.1.4.24.7.1.8.1.4.192.0.2.0.24.2.0.0.0.0"),
                "on-link route: local(3)");
        // read-only view: no USM or VACM tables
        assertFalse(values.keySet().stream().anyMatch(oid -> oid.startsWith(".1.3.6.1.6.3.15.")), "usmUserTable");
        assertFalse(values.keySet().stream().anyMatch(oid -> oid.startsWith(".1.3.6.1.6.3.16.")), "vacm");
    }

    @Test
    void bulkWalkReturnsTheSameVarbindsAsAGetNextWalk() throws Exception {
        Tools.Result walk = fixture.snmp("snmpwalk", AgentFixture.v2c(), ".1");
        Tools.Result bulk = fixture.snmp("snmpbulkwalk", AgentFixture.v2c(), ".1");
        assertEquals(0, bulk.exitCode(), bulk.all());
        assertEquals(stable(parse(walk.stdout())), stable(parse(bulk.stdout())));
    }

    @Test
    void v3AuthPrivReadsAndAWrongKeyIsRefused() throws Exception {
        String sysDescr = ".1.3.6.1.2.1.1.1.0";
        Tools.Result ok = fixture.snmp("snmpget",
                AgentFixture.v3(AgentFixture.USER, "SHA-256", AgentFixture.AUTH_PASS, "AES", AgentFixture.PRIV_PASS),
                sysDescr);
        assertEquals(0, ok.exitCode(), ok.all());
        assertTrue(ok.stdout().contains("STRING: \"Linux "), ok.all());

        Tools.Result wrong = fixture.snmp("snmpget",
                AgentFixture.v3(AgentFixture.USER, "SHA-256", "not-the-auth-pass", "AES", AgentFixture.PRIV_PASS),
                sysDescr);
        assertNotEquals(0, wrong.exitCode(), wrong.all());
        assertFalse(wrong.stdout().contains("STRING:"), wrong.all());
    }

    @Test
    void v3Sha512WithAes256Reads() throws Exception {
        Tools.Result ok = fixture.snmp("snmpget",
                AgentFixture.v3("mhv3strong", "SHA-512", AgentFixture.AUTH_PASS, "AES-256", AgentFixture.PRIV_PASS),
                ".1.3.6.1.2.1.1.5.0");
        assertEquals(0, ok.exitCode(), ok.all());
        assertTrue(ok.stdout().contains("STRING:"), ok.all());
    }

    @Test
    void aWrongCommunityGetsNoAnswer() throws Exception {
        Tools.Result result = fixture.snmp("snmpget", List.of("-v2c", "-c", "wrong-community"), ".1.3.6.1.2.1.1.1.0");
        assertNotEquals(0, result.exitCode());
        assertTrue(result.all().contains("Timeout"), result.all());
    }

    @Test
    void aSourceOutsideTheCommunitysPrefixesGetsNoAnswerAndApplyNeedsNoRestart() throws Exception {
        try {
            fixture.agent.apply(AgentFixture.settings(List.of(IpPrefix.parse("10.0.0.0/8")), List.of()));
            Tools.Result refused = fixture.snmp("snmpget", AgentFixture.v2c(), ".1.3.6.1.2.1.1.1.0");
            assertTrue(refused.all().contains("Timeout"), refused.all());
        } finally {
            fixture.agent.apply(AgentFixture.settings(List.of(IpPrefix.parse("127.0.0.0/8")), List.of()));
        }
        Tools.Result allowed = fixture.snmp("snmpget", AgentFixture.v2c(), ".1.3.6.1.2.1.1.1.0");
        assertEquals(0, allowed.exitCode(), allowed.all());
    }

    @Test
    void applyMovesTheListeningSocketWithoutARestart() throws Exception {
        int oldPort = fixture.port;
        int newPort;
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            newPort = probe.getLocalPort();
        }
        Management.Snmp moved = AgentFixture.settings(List.of(IpPrefix.parse("127.0.0.0/8")), List.of());
        moved = new Management.Snmp(true, List.of(new Management.Endpoint(FakeStatus.ip("127.0.0.1"), newPort)),
                moved.communities(), moved.users(), moved.targets(), moved.contact(), moved.location());
        try {
            fixture.agent.apply(moved);
            assertEquals(newPort, fixture.agent.boundAddresses().get(0).getPort());
            Tools.Result atNew = fixture.snmpAt(newPort, AgentFixture.v2c(), ".1.3.6.1.2.1.1.5.0");
            assertEquals(0, atNew.exitCode(), atNew.all());
            Tools.Result atOld = fixture.snmpAt(oldPort, AgentFixture.v2c(), ".1.3.6.1.2.1.1.5.0");
            assertTrue(atOld.all().contains("Timeout"), atOld.all());
        } finally {
            fixture.agent.apply(AgentFixture.settings(List.of(IpPrefix.parse("127.0.0.0/8")), List.of()));
            fixture.port = fixture.agent.boundAddresses().get(0).getPort();
        }
    }

    @Test
    void valuesFollowTheLiveState() throws Exception {
        String operStatus = "." + Oids.child(Oids.PROVIDER_ENTRY, Oids.COL_PROVIDER_OPER_STATUS, 1);
        try {
            fixture.status.setIspA(OperStatus.DOWN);
            Poll.until(Duration.ofSeconds(10), "isp-a reads down(3)", () -> {
                Tools.Result get = fixture.snmp("snmpget", AgentFixture.v2c(), operStatus);
                return get.stdout().contains("INTEGER: 3") ? get : null;
            });
        } finally {
            fixture.status.setIspA(OperStatus.UP);
        }
    }

    @Test
    void getBulkMaxRepetitionsIsCapped() throws Exception {
        Tools.Result bulk = fixture.snmp("snmpbulkget", List.of("-v2c", "-c", AgentFixture.COMMUNITY, "-Cn0", "-Cr100"),
                ".1.3.6.1.2.1.31.1.1.1");
        assertEquals(0, bulk.exitCode(), bulk.all());
        assertEquals(20, parse(bulk.stdout()).size(), bulk.stdout());
    }

    @Test
    void getOfAMissingRowIsNoSuchInstance() throws Exception {
        Tools.Result get = fixture.snmp("snmpget", AgentFixture.v2c(),
                "." + Oids.child(Oids.PROVIDER_ENTRY, 2, 99));
        assertTrue(get.all().contains("No Such Instance"), get.all());
    }

    /** OID -> value of {@code snmpwalk -On} output (multi-line strings joined). */
    static Map<String, String> parse(String output) {
        Map<String, String> values = new LinkedHashMap<>();
        String last = null;
        for (String line : output.split("\n")) {
            int eq = line.indexOf(" = ");
            if (line.startsWith(".") && eq > 0) {
                last = line.substring(0, eq);
                values.put(last, line.substring(eq + 3));
            } else if (last != null && !line.isEmpty()) {
                values.put(last, values.get(last) + "\n" + line);
            }
        }
        return values;
    }

    /** Drops values that change between two walks: sysUpTime, SNMP counters, snmpEngineTime. */
    private static Map<String, String> stable(Map<String, String> values) {
        Map<String, String> stable = new LinkedHashMap<>();
        values.forEach((oid, value) -> {
            boolean moving = oid.equals(".1.3.6.1.2.1.1.3.0") || oid.startsWith(".1.3.6.1.2.1.11.")
                    || oid.equals(".1.3.6.1.6.3.10.2.1.3.0");
            stable.put(oid, moving ? "(changes)" : value);
        });
        return stable;
    }
}
