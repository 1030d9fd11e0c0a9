package net.multihome.netconf.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import net.multihome.netconf.ssh.Ed25519KeyFile;
import net.multihome.netconf.ssh.JdkEd25519Registrar;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinnedHostKeyTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void ed25519() {
        JdkEd25519Registrar.install();
    }

    private static KeyPair newKey() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    @Test
    void theFirstKeyIsPinnedAndOnlyItIsTakenLater() throws Exception {
        Path file = dir.resolve(ConfigSyncService.PEER_HOST_KEY_FILE);
        PinnedHostKey pinned = new PinnedHostKey(file);
        KeyPair peer = newKey();
        assertTrue(pinned.verifyServerKey(null, null, peer.getPublic()));
        assertEquals(PublicKeyEntry.toString(peer.getPublic()), Files.readString(file).strip());
        assertTrue(new PinnedHostKey(file).verifyServerKey(null, null, peer.getPublic()));
        assertFalse(pinned.verifyServerKey(null, null, newKey().getPublic()));
        assertEquals(PublicKeyEntry.toString(peer.getPublic()), Files.readString(file).strip(), "the pin stays");
    }

    @Test
    void theClientKeyIsMadeOnceOwnerOnlyAndKept() throws Exception {
        Path file = dir.resolve(ConfigSyncService.CLIENT_KEY_FILE);
        KeyPair made = Ed25519KeyFile.loadOrCreate(file, "multihome config sync");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        KeyPair again = Ed25519KeyFile.loadOrCreate(file, "ignored");
        assertTrue(KeyUtils.compareKeys(made.getPublic(), again.getPublic()));
        assertTrue(PublicKeyEntry.toString(made.getPublic()).startsWith("ssh-ed25519 "));
    }
}
