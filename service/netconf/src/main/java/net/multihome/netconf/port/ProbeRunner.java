package net.multihome.netconf.port;

import java.util.Optional;

/** Runs one probe round on a provider now (the {@code probe} RPC). */
@FunctionalInterface
public interface ProbeRunner {
    /** Not configured. */
    ProbeRunner NONE = provider -> Optional.empty();

    /** @return the round's results, or empty when no provider has this name */
    Optional<ProbeRound> probe(String provider);
}
