package net.multihome.netconf.service;

import static net.multihome.netconf.service.Replies.all;
import static net.multihome.netconf.service.Replies.assertOk;
import static net.multihome.netconf.service.Replies.editConfig;
import static net.multihome.netconf.service.Replies.getConfig;
import static net.multihome.netconf.service.ServiceFixture.MH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.multihome.core.secret.SecretBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SNMP passphrases written in clear are stored sealed; the same passphrase again changes nothing. */
class SecretsServiceTest {
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
    void aClearPassphraseIsStoredSealedAndWritingItAgainKeepsTheStoredForm() throws Exception {
        try (TestClient c = fixture.client()) {
            String first = commitPassphrase(c, "noc-auth-pass-1");
            assertTrue(SecretBox.isSealed(first), first);
            assertEquals("noc-auth-pass-1", new SecretBox(dir).reveal(first));
            String candidate = c.rpc(getConfig("candidate"));
            assertFalse(candidate.contains("noc-auth-pass-1"), candidate);

            assertEquals(first, commitPassphrase(c, "noc-auth-pass-1"), "same passphrase, same stored form");
            assertNotEquals(first, commitPassphrase(c, "noc-auth-pass-2"));

            assertOk(c.rpc("<copy-config><target><startup/></target><source><running/></source></copy-config>"));
            String startup = Files.readString(fixture.startup.path());
            assertFalse(startup.contains("noc-auth-pass"), startup);
        }
    }

    private static String commitPassphrase(TestClient c, String passphrase) throws Exception {
        assertOk(c.rpc(editConfig("candidate", "<management><snmp><user><name>v3</name><auth-passphrase>"
                + passphrase + "</auth-passphrase><priv-protocol>none</priv-protocol></user></snmp></management>")));
        assertOk(c.rpc("<commit/>"));
        List<String> stored = all(c.rpc(getConfig("running")), MH, "auth-passphrase");
        assertEquals(1, stored.size(), stored.toString());
        return stored.getFirst();
    }
}
