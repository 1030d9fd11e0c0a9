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

    /** Text of an address: dotted quad, or RFC 5952 form for IPv6 ({@code 2001:db8::1}). */
    public static String format(InetAddress address) {
        if (!(address instanceof java.net.Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && words[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(words[i]));
        }
        return out.toString();
    }
}
