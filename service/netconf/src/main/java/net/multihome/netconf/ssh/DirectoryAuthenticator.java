package net.multihome.netconf.ssh;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Optional;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Password and public-key authentication against a {@link UserDirectory}; refusals go to {@link FailedLogins}. */
final class DirectoryAuthenticator implements PasswordAuthenticator, PublickeyAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryAuthenticator.class);

    /** Hashed for users without a password, so response time does not tell which users exist. */
    private static final String DECOY_HASH = Sha512Crypt.crypt("decoy", "$6$decoysalt$");

    private final UserDirectory users;
    private final FailedLogins failures;

    DirectoryAuthenticator(UserDirectory users, FailedLogins failures) {
        this.users = users;
        this.failures = failures;
    }

    @Override
    public boolean authenticate(String user, String password, ServerSession session) {
        Optional<String> hash = users.find(user).flatMap(UserEntry::passwordHash);
        boolean ok = Sha512Crypt.verify(password, hash.orElse(DECOY_HASH)) && hash.isPresent();
        if (!ok) {
            LOG.info("password login refused for {} from {}", user, session.getClientAddress());
            return failures.refusePassword();
        }
        return true;
    }

    @Override
    public boolean authenticate(String user, PublicKey key, ServerSession session) {
        boolean ok = users.find(user)
                .map(entry -> entry.authorizedKeys().stream().anyMatch(line -> matches(line, key, session)))
                .orElse(false);
        if (!ok) {
            LOG.info("public key {} refused for {} from {}", KeyUtils.getFingerPrint(key), user,
                    session.getClientAddress());
            return failures.refuseKey();
        }
        return true;
    }

    private static boolean matches(String line, PublicKey key, ServerSession session) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return false;
        }
        try {
            AuthorizedKeyEntry entry = AuthorizedKeyEntry.parseAuthorizedKeyEntry(trimmed);
            PublicKey authorized = entry == null ? null
                    : entry.resolvePublicKey(session, PublicKeyEntryResolver.IGNORING);
            return authorized != null && KeyUtils.compareKeys(authorized, key);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            LOG.warn("ignoring an unreadable authorized key line: {}", e.getMessage());
            return false;
        }
    }
}
