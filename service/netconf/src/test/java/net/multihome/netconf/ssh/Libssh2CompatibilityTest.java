package net.multihome.netconf.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import net.multihome.netconf.testing.RawClient;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.core.CoreModuleProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Libssh2CompatibilityTest {
    private static final String ETM = "hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com";

    @TempDir
    Path dir;

    @Test
    void onlyLibssh2Before111IsLegacy() {
        assertTrue(Libssh2Compatibility.isLegacyLibssh2("SSH-2.0-libssh2_1.10.0"));
        assertTrue(Libssh2Compatibility.isLegacyLibssh2("SSH-2.0-libssh2_1.4.3"));
        assertFalse(Libssh2Compatibility.isLegacyLibssh2("SSH-2.0-libssh2_1.11.0"));
        assertFalse(Libssh2Compatibility.isLegacyLibssh2("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3"));
        assertFalse(Libssh2Compatibility.isLegacyLibssh2("SSH-2.0-libssh2_1."));
        assertFalse(Libssh2Compatibility.isLegacyLibssh2(null));
    }

    @Test
    void encryptAndMacMacsAreOfferedOnlyToLegacyLibssh2() throws Exception {
        try (TestFixture fixture = new TestFixture(dir, b -> b)) {
            assertEquals(ETM, serverMacsSeenBy(fixture, null));
            assertEquals(ETM + ",hmac-sha2-256,hmac-sha2-512", serverMacsSeenBy(fixture, "libssh2_1.10.0"));
        }
    }

    private static String serverMacsSeenBy(TestFixture fixture, String clientVersion) throws Exception {
        SshClient ssh = SshClient.setUpDefaultClient();
        if (clientVersion != null) {
            CoreModuleProperties.CLIENT_IDENTIFICATION.set(ssh, clientVersion);
        }
        ssh.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        ssh.start();
        try (ClientSession session = RawClient.connectSession(ssh, fixture.server.port(), "admin")) {
            session.addPasswordIdentity("admin");
            session.auth().verify(TestFixture.TIMEOUT);
            return session.getServerKexProposals().get(KexProposalOption.S2CMAC);
        } finally {
            ssh.stop();
        }
    }
}
