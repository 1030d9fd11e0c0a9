package net.multihome.netlink.model;

/** {@code rtm_scope}: how far a destination is. */
public enum RouteScope {
    UNIVERSE(0),
    SITE(200),
    LINK(253),
    HOST(254),
    NOWHERE(255);

    private final int code;

    RouteScope(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static RouteScope fromCode(int code) {
        for (RouteScope s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown route scope " + code);
    }
}
