package net.multihome.core.config;

import java.net.InetAddress;

/**
 * How translated local networks leave by one provider.
 *
 * @param address the source address with {@link Mode#SNAT}, else null
 */
public record Nat(Mode mode, InetAddress address) {

    public static final Nat MASQUERADE = new Nat(Mode.MASQUERADE, null);

    /** Translation mode. */
    public enum Mode { MASQUERADE, SNAT, NONE }
}
