package net.multihome.netconf.service;

import static net.multihome.netconf.service.Replies.all;
import static net.multihome.netconf.service.Replies.assertOk;
import static net.multihome.netconf.service.Replies.editConfig;
import static net.multihome.netconf.service.Replies.errorPath;
import static net.multihome.netconf.service.Replies.errorTag;
import static net.multihome.netconf.service.Replies.getConfig;
import static net.multihome.netconf.service.ServiceFixture.MH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access control through the real service: rules committed in one session hold from its next
 * RPC; secrets are hidden, writes and operations checked, denials counted, bad paths refused.
 */
class NacmServiceTest {
    private static final String RULES = """
            <management><netconf>
              <user><name>admin</name><password-hash>%s</password-hash></user>
              <nacm>
                <groups><group><name>ops</name><user-name>admin</user-name></group></groups>
                <rule-list><name>ops</name><group>ops</group>
                  <rule><name>deny-commit</name><module-name>ietf-netconf</module-name><rpc-name>commit</rpc-name>
                    <access-operations>exec</access-operations><action>deny</action></rule>
                  <rule><name>providers</name><path>/mh:multihome/mh:provider</path>
                    <access-operations>create update delete</access-operations><action>permit</action></rule>
                </rule-list>
              </nacm>
            </netconf></management>""".formatted(ServiceFixture.ADMIN_HASH);

    @TempDir
    Path dir;

    private ServiceFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new ServiceFixture(dir, true);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void rulesCommittedInASessionHoldFromItsNextRpc() throws Exception {
        try (TestClient c = fixture.client()) {
            assertOk(c.rpc(editConfig("candidate", RULES)));
            assertOk(c.rpc("<commit/>"));

            String running = c.rpc(getConfig("running"));
            assertEquals(List.of(), all(running, MH, "password-hash"), "default-deny-all without a rule");
            assertTrue(all(running, MH, "name").contains("admin"), running);

            assertOk(c.rpc(editConfig("candidate", "<provider><name>isp1</name><weight>7</weight></provider>")));
            String commit = c.rpc("<commit/>");
            assertEquals("access-denied", errorTag(commit), commit);
            String management = c.rpc(editConfig("candidate",
                    "<management><netconf><idle-timeout>60</idle-timeout></netconf></management>"));
            assertEquals("access-denied", errorTag(management), management);
            assertEquals("/mh:multihome/mh:management/mh:netconf/mh:idle-timeout", errorPath(management));

            String counters = c.rpc("<get><filter type=\"subtree\"><multihome xmlns=\"" + MH + "\"><management>"
                    + "<netconf><nacm/></netconf></management></multihome></filter></get>");
            assertEquals(List.of("1"), all(counters, MH, "denied-operations"), counters);
            assertEquals(List.of("1"), all(counters, MH, "denied-data-writes"), counters);
        }
    }

    @Test
    void anEditIsCheckedAgainstTheEntriesItNamesAsTheyAre() throws Exception {
        String rules = RULES.replace("<access-operations>create update delete</access-operations>",
                "<access-operations>update</access-operations>");
        String nc = " xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\"";
        try (TestClient c = fixture.client()) {
            assertOk(c.rpc(editConfig("running", rules)));
            assertOk(c.rpc(editConfig("running", "<provider><name>isp1</name><weight>7</weight></provider>")));
            String created = c.rpc(editConfig("running", "<provider><name>isp9</name><weight>7</weight></provider>"));
            assertEquals("access-denied", errorTag(created), created);
            String deleted = c.rpc(editConfig("running", "<provider" + nc + " nc:operation=\"delete\">"
                    + "<name>isp2</name></provider>"));
            assertEquals("access-denied", errorTag(deleted), deleted);
            String replaced = c.rpc(editConfig("running", "<provider" + nc + " nc:operation=\"replace\">"
                    + "<name>isp2</name><weight>3</weight></provider>"));
            assertEquals("access-denied", errorTag(replaced), replaced);
            String running = c.rpc(getConfig("running"));
            assertEquals(List.of("isp1", "isp2"), all(running, MH, "name").stream()
                    .filter(n -> n.startsWith("isp")).toList(), running);
            assertTrue(all(running, MH, "weight").contains("7"), running);
        }
    }

    @Test
    void eachUserKeepsSeeingOnlyWhatTheRulesLetItReadOfTheSameRunning() throws Exception {
        String rules = """
                <management><netconf>
                  <user><name>admin</name><password-hash>%1$s</password-hash></user>
                  <user><name>noc</name><password-hash>%1$s</password-hash></user>
                  <nacm>
                    <groups><group><name>admins</name><user-name>admin</user-name></group></groups>
                    <rule-list><name>admins</name><group>admins</group>
                      <rule><name>hashes</name>
                        <path>/mh:multihome/mh:management/mh:netconf/mh:user/mh:password-hash</path>
                        <access-operations>read</access-operations><action>permit</action></rule>
                    </rule-list>
                  </nacm>
                </netconf></management>""".formatted(ServiceFixture.ADMIN_HASH);
        try (TestClient admin = fixture.client()) {
            assertOk(admin.rpc(editConfig("candidate", rules)));
            assertOk(admin.rpc("<commit/>"));
            try (TestClient noc = new TestClient(fixture.port(), "noc", "admin")) {
                // Alternating and repeated, on one unchanged running: no user is given another's reply.
                for (int i = 0; i < 2; i++) {
                    String mine = admin.rpc(getConfig("running"));
                    assertEquals(2, all(mine, MH, "password-hash").size(), mine);
                    String theirs = noc.rpc(getConfig("running"));
                    assertEquals(List.of(), all(theirs, MH, "password-hash"), theirs);
                    assertTrue(all(theirs, MH, "name").contains("noc"), theirs);
                }
            }
        }
    }

    @Test
    void aMalformedRulePathIsAnErrorAtThePathLeaf() throws Exception {
        try (TestClient c = fixture.client()) {
            String reply = c.rpc("<validate><source><config><multihome xmlns=\"" + MH + "\"><management><netconf>"
                    + "<nacm><rule-list><name>l</name><rule><name>r</name><path>provider[</path>"
                    + "<action>deny</action></rule></rule-list></nacm></netconf></management></multihome>"
                    + "</config></source></validate>");
            assertEquals("invalid-value", errorTag(reply), reply);
            assertEquals("/mh:multihome/mh:management/mh:netconf/mh:nacm/mh:rule-list[mh:name='l']"
                    + "/mh:rule[mh:name='r']/mh:path", errorPath(reply));
            assertFalse(reply.contains("<ok/>"));
        }
    }
}
