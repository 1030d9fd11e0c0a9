package net.multihome.netlink.model;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/**
 * An IP network: an address and a prefix length, with host bits cleared.
 * {@code 0.0.0.0/0} and {@code ::/0} are the default destinations.
 */
public record IpPrefix(InetAddress address, int length) {

    /** Immutable values, parsed once: planning asks for them on every pass. */
    private static final IpPrefix DEFAULT_V4 = parse("0.0.0.0/0");
    private static final IpPrefix DEFAULT_V6 = parse("::/0");

    public IpPrefix {
        Objects.requireNonNull(address, "address");
        Family family = Family.of(address);
        if (length < 0 || length > family.maxPrefixLength()) {
            throw new IllegalArgumentException(
                    "prefix length " + length + " is outside 0.." + family.maxPrefixLength());
        }
        address = masked(address, length);
    }

    /** Parses {@code 198.51.100.0/26}, {@code 2001:db8::/32}, or a bare address as a host prefix. */
    public static IpPrefix parse(String text) {
        int slash = text.indexOf('/');
        InetAddress address = IpAddresses.parse(slash < 0 ? text : text.substring(0, slash));
        int length;
        if (slash < 0) {
            length = Family.of(address).maxPrefixLength();
        } else {
            try {
                length = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad prefix length in '" + text + "'", e);
            }
        }
        return new IpPrefix(address, length);
    }

    public static IpPrefix host(InetAddress address) {
        return new IpPrefix(address, Family.of(address).maxPrefixLength());
    }

    public static IpPrefix defaultRoute(Family family) {
        return family == Family.INET ? DEFAULT_V4 : DEFAULT_V6;
    }

    public Family family() {
        return Family.of(address);
    }

    public boolean isDefault() {
        return length == 0;
    }

    public boolean isHost() {
        return length == family().maxPrefixLength();
    }

    /** Whether {@code other} lies inside this network (same family only). */
    public boolean contains(InetAddress other) {
        return Family.of(other) == family() && masked(other, length).equals(address);
    }

    /** Whether the two networks share at least one address. */
    public boolean overlaps(IpPrefix other) {
        if (other.family() != family()) {
            return false;
        }
        int shorter = Math.min(length, other.length);
        return masked(address, shorter).equals(masked(other.address, shorter));
    }

    @Override
    public String toString() {
        return IpAddresses.format(address) + "/" + length;
    }

    private static InetAddress masked(InetAddress address, int length) {
        byte[] bytes = address.getAddress();
        byte[] out = Arrays.copyOf(bytes, bytes.length);
        for (int bit = length; bit < out.length * 8; bit++) {
            out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        if (Arrays.equals(bytes, out)) {
            return address;
        }
        try {
            return InetAddress.getByAddress(out);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
