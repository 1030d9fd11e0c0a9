package net.multihome.netconf.rpc;

/** RFC 6241 section 4.3 error-severity. */
public enum ErrorSeverity {
    ERROR("error"),
    WARNING("warning");

    private final String wireName;

    ErrorSeverity(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
