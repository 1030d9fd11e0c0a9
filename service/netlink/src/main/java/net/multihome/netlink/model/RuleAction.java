package net.multihome.netlink.model;

/** {@code fib_rule_hdr.action}: what a matching policy rule does. */
public enum RuleAction {
    TO_TABLE(1),
    GOTO(2),
    NOP(3),
    BLACKHOLE(6),
    UNREACHABLE(7),
    PROHIBIT(8);

    private final int code;

    RuleAction(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static RuleAction fromCode(int code) {
        for (RuleAction a : values()) {
            if (a.code == code) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown rule action " + code);
    }
}
