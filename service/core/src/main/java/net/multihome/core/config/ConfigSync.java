package net.multihome.core.config;

/**
 * Configuration sync with the peer of a redundant pair.
 *
 * @param enabled whether commits are pushed to the peer and its pushes taken
 * @param port the peer's NETCONF port, at its sync address
 * @param user the NETCONF user this router logs in to the peer as; null when not given
 * @param epoch the configuration's version, raised by the daemon on every shared change
 */
public record ConfigSync(boolean enabled, int port, String user, long epoch) {
    public static final int DEFAULT_PORT = 830;
    public static final ConfigSync DISABLED = new ConfigSync(false, DEFAULT_PORT, null, 0);
}
