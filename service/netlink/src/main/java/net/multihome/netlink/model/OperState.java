package net.multihome.netlink.model;

/** {@code IFLA_OPERSTATE} (RFC 2863 values). */
public enum OperState {
    UNKNOWN, NOT_PRESENT, DOWN, LOWER_LAYER_DOWN, TESTING, DORMANT, UP;

    public static OperState fromCode(int code) {
        OperState[] all = values();
        return code >= 0 && code < all.length ? all[code] : UNKNOWN;
    }
}
