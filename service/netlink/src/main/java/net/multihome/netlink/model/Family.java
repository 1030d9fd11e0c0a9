package net.multihome.netlink.model;

import java.net.Inet4Address;
import java.net.InetAddress;

/** An address family as rtnetlink numbers it ({@code AF_INET}, {@code AF_INET6}). */
public enum Family {
    INET(2, 32),
    INET6(10, 128);

    private final int code;
    private final int maxPrefixLength;

    Family(int code, int maxPrefixLength) {
        this.code = code;
        this.maxPrefixLength = maxPrefixLength;
    }

    public int code() {
        return code;
    }

    public int maxPrefixLength() {
        return maxPrefixLength;
    }

    public static Family of(InetAddress address) {
        return address instanceof Inet4Address ? INET : INET6;
    }

    public static Family fromCode(int code) {
        for (Family f : values()) {
            if (f.code == code) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown address family " + code);
    }
}
