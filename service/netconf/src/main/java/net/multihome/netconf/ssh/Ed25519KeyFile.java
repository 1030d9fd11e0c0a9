package net.multihome.netconf.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Iterator;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * An ssh-ed25519 key pair in an OpenSSH private key file (the server's host key, the config
 * sync's client key): generated on first start, written to a temporary file of mode 0600 and
 * moved into place, so the file is never seen half-written or readable by others; reused on
 * every later start.
 */
public final class Ed25519KeyFile {
    private Ed25519KeyFile() {
    }

    /**
     * @param comment the comment written into a new file
     * @throws IOException if the file cannot be written, or holds something other than an ed25519 key
     */
    public static KeyPair loadOrCreate(Path file, String comment) throws IOException {
        JdkEd25519Registrar.install();
        if (!SecurityUtils.isEDDSACurveSupported()) {
            throw new IOException("no Ed25519 provider: the JDK's SunEC provider is missing");
        }
        return Files.exists(file) ? load(file) : create(file, comment);
    }

    private static KeyPair load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()),
                    in, null);
            Iterator<KeyPair> it = keys == null ? null : keys.iterator();
            KeyPair key = it != null && it.hasNext() ? it.next() : null;
            if (key == null || !KeyPairProvider.SSH_ED25519.equals(KeyUtils.getKeyType(key))) {
                throw new IOException(file + " does not hold an ssh-ed25519 key");
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the key " + file + ": " + e.getMessage(), e);
        }
    }

    private static KeyPair create(Path file, String comment) throws IOException {
        KeyPair key;
        try {
            key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot generate an Ed25519 key: " + e.getMessage(), e);
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Path tmp = Files.createTempFile(dir, file.getFileName() + ".", ".tmp", ownerOnly);
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, comment, null, out);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encode the key: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return key;
    }
}
