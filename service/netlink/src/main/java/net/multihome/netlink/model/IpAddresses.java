package net.multihome.netlink.model;

import java.net.InetAddress;

/** Parsing of literal IP addresses that never consults DNS. */
public final class IpAddresses {

    private IpAddresses() {
    }

    /**
     * Parses an IPv4 dotted quad or an IPv6 literal (no zone).
     *
     * @throws IllegalArgumentException when the text is not an address literal
     */
    public static InetAddress parse(String text) {
        if (!isLiteral(text)) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
        try {
            return InetAddress.ofLiteral(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address", e);
        }
    }

    private static boolean isLiteral(String text) {
        if (text.isEmpty() || text.indexOf('%') >= 0) {
            return false;
        }
        // The JDK also takes the BSD short forms ("10.1" = 10.0.0.1); configuration must not.
        if (text.indexOf(':') < 0 && text.split("\\.", -1).length != 4) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = Character.digit(c, 16) >= 0 || c == '.' || c == ':';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
