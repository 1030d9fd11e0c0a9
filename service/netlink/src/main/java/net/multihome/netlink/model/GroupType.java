package net.multihome.netlink.model;

/** {@code NHA_GROUP_TYPE}: how a nexthop group spreads flows over its members. */
public enum GroupType {
    /** Hash-threshold (mpath): a member leaving remaps flows of the others too. */
    HASH_THRESHOLD(0),
    /** Resilient: flows on surviving members stay where they are. */
    RESILIENT(1);

    private final int code;

    GroupType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static GroupType fromCode(int code) {
        for (GroupType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown nexthop group type " + code);
    }
}
