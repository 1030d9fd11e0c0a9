package net.multihome.netconf.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.multihome.netconf.testing.RawClient;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import net.multihome.netconf.testing.Polling;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticationAndLimitsTest {
    @TempDir
    Path dir;
    private TestFixture fixture;
    private final List<AutoCloseable> clients = new ArrayList<>();

    private TestFixture start(UnaryOperator<NetconfServerBuilder> customise) throws Exception {
        fixture = new TestFixture(dir, customise);
        return fixture;
    }

    @AfterEach
    void stop() throws Exception {
        try {
            for (AutoCloseable c : clients) {
                c.close();
            }
        } finally {
            if (fixture != null) {
                fixture.close();
            }
        }
    }

    private <T extends AutoCloseable> T keep(T client) {
        clients.add(client);
        return client;
    }

    /** Authenticates with the given passwords tried in order; true if one was accepted. */
    private boolean loginWithPasswords(String user, String... passwords) throws IOException {
        SshClient ssh = RawClient.startClient();
        clients.add(ssh::stop);
        ClientSession session = RawClient.connectSession(ssh, fixture.server.port(), user);
        for (String p : passwords) {
            session.addPasswordIdentity(p);
        }
        try {
            session.auth().verify(TestFixture.TIMEOUT);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    @Test
    void correctPasswordLogsInAndServesGet() throws Exception {
        start(b -> b);
        try (RawClient client = fixture.session()) {
            assertTrue(client.get("1").contains("<dummy"));
        }
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        start(b -> b);
        assertThrows(IOException.class, () -> RawClient.password(fixture.server.port(), "admin", "wrong"));
        assertThrows(IOException.class, () -> RawClient.password(fixture.server.port(), "ghost", "admin"));
        assertThrows(IOException.class, () -> RawClient.password(fixture.server.port(), "nobody", "x"));
    }

    @Test
    void refusedPasswordIsAnsweredAfterTheDelayAndCounted() throws Exception {
        Duration delay = Duration.ofMillis(700);
        start(b -> b.failedLoginDelay(delay));
        assertEquals(0, fixture.server.failedLogins());
        long started = System.nanoTime();
        assertFalse(loginWithPasswords("admin", "wrong"));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(delay) >= 0, "refusal came after the delay");
        assertEquals(1, fixture.server.failedLogins());
        assertTrue(loginWithPasswords("admin", "admin"), "a correct password is not delayed or blocked");
        assertEquals(1, fixture.server.failedLogins());
    }

    @Test
    void refusedPublicKeyIsCounted() throws Exception {
        start(b -> b);
        KeyPair stranger = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        assertThrows(IOException.class, () -> RawClient.publicKey(fixture.server.port(), "keyuser", stranger));
        assertTrue(fixture.server.failedLogins() >= 1, "refusals: " + fixture.server.failedLogins());
    }

    @Test
    void authorizedPublicKeyLogsIn() throws Exception {
        start(b -> b);
        try (RawClient client = RawClient.publicKey(fixture.server.port(), "keyuser", fixture.userKey)) {
            client.helloBase11();
            assertTrue(client.get("k").contains("<dummy"));
        }
    }

    @Test
    void unknownPublicKeyIsRefused() throws Exception {
        start(b -> b);
        KeyPair stranger = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        assertThrows(IOException.class, () -> RawClient.publicKey(fixture.server.port(), "keyuser", stranger));
        assertThrows(IOException.class, () -> RawClient.publicKey(fixture.server.port(), "admin", fixture.userKey));
    }

    @Test
    void correctPasswordAfterMaxAuthAttemptsIsRefused() throws Exception {
        start(b -> b.maxAuthAttempts(3));
        assertTrue(loginWithPasswords("admin", "wrong1", "admin"), "within the limit");
        assertFalse(loginWithPasswords("admin", "wrong1", "wrong2", "wrong3", "admin"), "beyond the limit");
    }

    @Test
    void sessionsBeyondMaxSessionsAreRefusedAndFreedPlacesReused() throws Exception {
        start(b -> b.maxSessions(2));
        RawClient first = keep(fixture.session());
        RawClient second = keep(fixture.session());
        assertTrue(first.get("1").contains("<data>"));
        assertThrows(IOException.class, () -> keep(fixture.session()));
        second.close();
        Polling.awaitTrue(() -> fixture.server.sessions().size() == 1, "the closed session to leave the registry");
        try (RawClient third = retryConnect()) {
            assertTrue(third.get("3").contains("<data>"));
        }
        assertTrue(second.awaitClosed());
        assertTrue(first.get("2").contains("<data>"));
    }

    /** The SSH connection count drops a moment after the NETCONF session; retry until the place is free. */
    private RawClient retryConnect() throws InterruptedException {
        return Polling.await(() -> {
            try {
                return fixture.session();
            } catch (IOException stillFull) {
                return null;
            }
        }, "a free session place");
    }

    @Test
    void connectionThatNeverOpensTheSubsystemIsDroppedByTheIdleTimeout() throws Exception {
        start(b -> b.idleTimeout(Duration.ofSeconds(1)));
        SshClient ssh = RawClient.startClient();
        clients.add(ssh::stop);
        ClientSession session = RawClient.connectSession(ssh, fixture.server.port(), "admin");
        session.addPasswordIdentity("admin");
        session.auth().verify(TestFixture.TIMEOUT);
        Polling.awaitTrue(() -> !session.isOpen(), "the idle connection to be closed");
    }

    @Test
    void theOnlyHostKeyOfferedIsEd25519() throws Exception {
        start(b -> b);
        SshClient ssh = RawClient.startClient();
        clients.add(ssh::stop);
        ClientSession session = RawClient.connectSession(ssh, fixture.server.port(), "admin");
        session.addPasswordIdentity("admin");
        session.auth().verify(TestFixture.TIMEOUT);
        assertEquals(KeyPairProvider.SSH_ED25519, KeyUtils.getKeyType(session.getServerKey()));
        assertEquals(KeyPairProvider.SSH_ED25519, session.getServerKexProposals().get(KexProposalOption.SERVERKEYS),
                "no other host key algorithm offered");
        assertEquals("-----BEGIN OPENSSH PRIVATE KEY-----", Files.readAllLines(dir.resolve("hostkey")).getFirst());
    }

    @Test
    void aHostKeyFileWithAnotherKeyTypeFailsStart() throws Exception {
        KeyPair ecdsa = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP521, 521);
        try (OutputStream out = Files.newOutputStream(dir.resolve("hostkey"))) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(ecdsa, "old", null, out);
        }
        IOException refused = assertThrows(IOException.class, () -> start(b -> b));
        assertTrue(refused.getMessage().contains("ssh-ed25519"), refused.getMessage());
    }

    @Test
    void hostKeyIsGeneratedOnceAndKept() throws Exception {
        start(b -> b);
        Path key = dir.resolve("hostkey");
        byte[] first = Files.readAllBytes(key);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        fixture.close();
        fixture = new TestFixture(dir, b -> b);
        assertEquals(new String(first), new String(Files.readAllBytes(key)));
    }
}
