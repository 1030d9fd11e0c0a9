package net.multihome.netconf.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.multihome.netconf.testing.RawClient;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ssh-ed25519 keys on the JDK's Ed25519 without Bouncy Castle: key files OpenSSH's ssh-keygen
 * made are read, those the daemon makes are read by ssh-keygen, and a user logs in with one.
 */
class Ed25519KeysTest {
    private static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");
    private static final long PROCESS_TIMEOUT_SECONDS = 30;

    @TempDir
    Path dir;

    @BeforeAll
    static void requireSshKeygen() {
        assumeTrue(Files.isExecutable(SSH_KEYGEN), "skipping: no " + SSH_KEYGEN + " (openssh-client)");
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            assertTrue(p.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS), "did not finish: " + List.of(command));
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), output);
            return output;
        } finally {
            p.destroyForcibly();
        }
    }

    /** "ssh-ed25519 AAAA..." without the comment. */
    private static String typeAndKey(String line) {
        String[] fields = line.strip().split(" ");
        return fields[0] + " " + fields[1];
    }

    @Test
    void aKeyMadeByOpenSshIsReadAndLogsIn() throws Exception {
        Path key = dir.resolve("id_ed25519");
        run(SSH_KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "", "-C", "operator", "-f", key.toString());
        String openSshPublic = typeAndKey(Files.readString(dir.resolve("id_ed25519.pub")));

        KeyPair loaded = Ed25519KeyFile.loadOrCreate(key, "unused");
        assertEquals(openSshPublic, PublicKeyEntry.toString(loaded.getPublic()));
        assertEquals(openSshPublic, PublicKeyEntry.toString(
                SecurityUtils.getEdDSASupport().orElseThrow().recoverEDDSAPublicKey(loaded.getPrivate())),
                "the public key derived from the private one");

        UserDirectory users = UserDirectory.of(UserEntry.withKeys("operator", List.of(openSshPublic)));
        try (TestFixture fixture = new TestFixture(dir, b -> b.users(users));
                RawClient client = RawClient.publicKey(fixture.server.port(), "operator", loaded)) {
            client.helloBase11();
            assertTrue(client.get("k").contains("<dummy"));
        }
    }

    @Test
    void aKeyTheDaemonMakesIsReadByOpenSsh() throws Exception {
        Path key = dir.resolve("client-key");
        KeyPair made = Ed25519KeyFile.loadOrCreate(key, "multihome config sync");
        assertEquals(PublicKeyEntry.toString(made.getPublic()), typeAndKey(run(SSH_KEYGEN.toString(), "-y", "-f", key.toString())));
    }
}
