package net.multihome.netconf.ssh;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user allowed to log in.
 *
 * @param passwordHash   a crypt(3) SHA-512 hash ({@code $6$...}); empty disables password login
 * @param authorizedKeys OpenSSH authorized_keys lines ({@code ssh-ed25519 AAAA... comment});
 *                       empty disables public-key login
 */
public record UserEntry(String name, Optional<String> passwordHash, List<String> authorizedKeys) {
    public UserEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passwordHash, "passwordHash");
        authorizedKeys = List.copyOf(authorizedKeys);
    }

    public static UserEntry withPassword(String name, String passwordHash) {
        return new UserEntry(name, Optional.of(passwordHash), List.of());
    }

    public static UserEntry withKeys(String name, List<String> authorizedKeys) {
        return new UserEntry(name, Optional.empty(), authorizedKeys);
    }
}
