package net.multihome.core.pair;

import java.util.Locale;

/** keepalived's state of the pair's VRRP instance on this router. */
public enum VrrpState {
    MASTER, BACKUP, FAULT, UNKNOWN;

    /** The YANG enum name. */
    public String yangName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The state file's content: one word as keepalived names the state (MASTER, BACKUP, FAULT,
     * STOP), with or without a newline; anything else, STOP included, is unknown.
     */
    public static VrrpState parse(String content) {
        return switch (content.strip()) {
            case "MASTER" -> MASTER;
            case "BACKUP" -> BACKUP;
            case "FAULT" -> FAULT;
            default -> UNKNOWN;
        };
    }
}
