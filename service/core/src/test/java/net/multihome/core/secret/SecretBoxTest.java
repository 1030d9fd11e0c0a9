package net.multihome.core.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {
    @TempDir
    Path dir;

    @Test
    void sealedValuesOpenWithTheSameKeyFileOnlyAndTheKeyIsOwnerOnly() throws Exception {
        String sealed = new SecretBox(dir).seal("noc-auth-pass-1");
        assertTrue(SecretBox.isSealed(sealed));
        assertTrue(!sealed.contains("noc-auth-pass-1"));
        assertNotEquals(sealed, new SecretBox(dir).seal("noc-auth-pass-1"), "a fresh nonce every time");
        assertEquals("noc-auth-pass-1", new SecretBox(dir).reveal(sealed), "a restart reads the same key");
        assertEquals(sealed, new SecretBox(dir).seal(sealed), "a stored form stays as it is");
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(SecretBox.FILE))));
        Path other = Files.createDirectory(dir.resolve("other"));
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(other).reveal(sealed));
        assertEquals("clear-value", new SecretBox(dir).reveal("clear-value"));
    }
}
