package net.multihome.netconf.ssh;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who may log in, supplied by the caller. Consulted on every authentication attempt, so a
 * directory backed by live configuration takes effect without a restart.
 */
@FunctionalInterface
public interface UserDirectory {
    Optional<UserEntry> find(String user);

    /** A fixed directory, for tests and simple setups. */
    static UserDirectory of(UserEntry... users) {
        Map<String, UserEntry> byName = new HashMap<>();
        for (UserEntry u : users) {
            byName.put(u.name(), u);
        }
        Map<String, UserEntry> frozen = Map.copyOf(byName);
        return user -> Optional.ofNullable(frozen.get(user));
    }
}
