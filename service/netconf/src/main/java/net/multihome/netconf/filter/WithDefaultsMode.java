package net.multihome.netconf.filter;

import java.util.Optional;

/** The RFC 6243 retrieval modes this server supports; explicit is the basic mode. */
public enum WithDefaultsMode {
    REPORT_ALL("report-all"),
    TRIM("trim"),
    EXPLICIT("explicit");

    public static final String NAMESPACE = "urn:ietf:params:xml:ns:yang:ietf-netconf-with-defaults";
    public static final String CAPABILITY =
            "urn:ietf:params:netconf:capability:with-defaults:1.0?basic-mode=explicit&also-supported=report-all,trim";

    private final String wireName;

    WithDefaultsMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WithDefaultsMode> byName(String name) {
        for (WithDefaultsMode m : values()) {
            if (m.wireName.equals(name)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
