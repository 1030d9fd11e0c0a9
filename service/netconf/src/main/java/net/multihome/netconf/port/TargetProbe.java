package net.multihome.netconf.port;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One target's answer in a probe round.
 *
 * @param rttMicros round-trip time when answered
 * @param error why no answer came, when known
 */
public record TargetProbe(InetAddress address, boolean answered, OptionalLong rttMicros, Optional<String> error) {
    public TargetProbe {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(rttMicros, "rttMicros");
        Objects.requireNonNull(error, "error");
    }
}
