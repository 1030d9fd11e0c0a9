package net.multihome.core.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.multihome.core.util.AtomicFiles;

/**
 * Seals secrets as {@code $aes256gcm$} and the base64 of a random 12-byte nonce followed by the
 * AES-256-GCM ciphertext. The key is {@code DIR/secrets.key}: 32 random bytes, mode 0600,
 * made on first use and kept, so stored forms stay readable across restarts. Thread-safe.
 */
public final class SecretBox {
    public static final String FILE = "secrets.key";
    public static final String PREFIX = "$aes256gcm$";

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path keyFile;
    /** Loaded on first use: a daemon without SNMPv3 users never makes a key. */
    private volatile SecretKeySpec key;

    public SecretBox(Path stateDirectory) {
        this.keyFile = stateDirectory.resolve(FILE);
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** The stored form of a clear value; a stored form is returned as it is. */
    public String seal(String clear) {
        if (isSealed(clear)) {
            return clear;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    /**
     * The clear value of a stored form; a value that is not sealed is returned as it is.
     *
     * @throws IllegalArgumentException when it was sealed with another key or is damaged
     */
    public String reveal(String value) {
        if (!isSealed(value)) {
            return value;
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a sealed secret is not base64", e);
        }
        if (data.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("a sealed secret is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            return new String(cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("a sealed secret does not open with " + keyFile
                    + " (sealed with another key, or damaged)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec loaded = key;
        if (loaded == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(readOrCreate(), "AES");
                }
                loaded = key;
            }
        }
        return loaded;
    }

    /** Another process or instance may make the key at the same moment: the first link wins, all read it. */
    private byte[] readOrCreate() {
        try {
            if (!Files.exists(keyFile)) {
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Files.createDirectories(keyFile.toAbsolutePath().getParent());
                Path temp = Files.createTempFile(keyFile.toAbsolutePath().getParent(), "." + FILE, ".new",
                        PosixFilePermissions.asFileAttribute(AtomicFiles.PRIVATE));
                try {
                    Files.write(temp, fresh, StandardOpenOption.SYNC);
                    Files.createLink(keyFile, temp);
                } catch (FileAlreadyExistsException e) {
                    // made by someone else in between: theirs is the key
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            byte[] bytes = Files.readAllBytes(keyFile);
            if (bytes.length != 32) {
                throw new IllegalStateException(keyFile + " must hold 32 bytes, not " + bytes.length);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make " + keyFile, e);
        }
    }
}
