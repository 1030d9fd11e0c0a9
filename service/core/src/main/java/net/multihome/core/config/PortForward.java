package net.multihome.core.config;

import java.net.InetAddress;

/**
 * Inbound connections to a provider's IPv4 address and port, forwarded to a local host.
 *
 * @param toPort the local host's port (the same as {@code port} unless configured)
 */
public record PortForward(String name, String provider, Protocol protocol, int port, InetAddress toAddress,
        int toPort) {

    /** Transport protocol, with its IP protocol number. */
    public enum Protocol {
        TCP(6), UDP(17);

        private final int number;

        Protocol(int number) {
            this.number = number;
        }

        public int number() {
            return number;
        }
    }
}
