package net.multihome.netconf.sync;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer's SSH host key, pinned on first use: the first key the peer shows is written to a
 * file in the state directory, and every later login must see the same key. Removing the file
 * (after the peer was reinstalled) pins the next one.
 */
final class PinnedHostKey implements ServerKeyVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(PinnedHostKey.class);

    private final Path file;

    PinnedHostKey(Path file) {
        this.file = file;
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey shown) {
        try {
            if (!Files.exists(file)) {
                pin(shown);
                LOG.info("config sync: pinned the peer's host key {} (first use) in {}", KeyUtils.getFingerPrint(shown), file);
                return true;
            }
            PublicKey pinned = PublicKeyEntry.parsePublicKeyEntry(Files.readString(file).trim())
                    .resolvePublicKey(null, null, null);
            if (KeyUtils.compareKeys(pinned, shown)) {
                return true;
            }
            LOG.error("config sync: the peer at {} shows host key {}, not the pinned {} ({}): refused", remote,
                    KeyUtils.getFingerPrint(shown), KeyUtils.getFingerPrint(pinned), file);
            return false;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.error("config sync: cannot check the peer's host key against {}: {}", file, e.toString());
            return false;
        }
    }

    private void pin(PublicKey key) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, PublicKeyEntry.toString(key) + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
