package net.multihome.core.config;

/**
 * The connection marks (conntrack {@code ct mark}) that name a provider when the daemon
 * translates: bits 16-23 hold the low byte of the provider's table, bit 24 says the
 * connection came in through the provider. Other bits are left to other software.
 */
public final class ConnectionMarks {

    /** The provider's bits. */
    public static final long PROVIDER_MASK = 0x00ff0000L;
    /** Set on connections that arrived through a provider (port forwards, the router's own services). */
    public static final long INBOUND = 0x01000000L;
    /** Every bit the daemon owns. */
    public static final long OWNED = PROVIDER_MASK | INBOUND;

    private ConnectionMarks() {
    }

    /** The provider's mark: its table's low byte in bits 16-23 (0 names no provider). */
    public static long of(Provider provider) {
        return (provider.table() & 0xff) << 16;
    }
}
