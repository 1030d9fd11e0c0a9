package net.multihome.netconf.rpc;

/** RFC 6241 Appendix A error-tag values with their wire names. */
public enum ErrorTag {
    IN_USE("in-use"),
    INVALID_VALUE("invalid-value"),
    TOO_BIG("too-big"),
    MISSING_ATTRIBUTE("missing-attribute"),
    BAD_ATTRIBUTE("bad-attribute"),
    UNKNOWN_ATTRIBUTE("unknown-attribute"),
    MISSING_ELEMENT("missing-element"),
    BAD_ELEMENT("bad-element"),
    UNKNOWN_ELEMENT("unknown-element"),
    UNKNOWN_NAMESPACE("unknown-namespace"),
    ACCESS_DENIED("access-denied"),
    LOCK_DENIED("lock-denied"),
    RESOURCE_DENIED("resource-denied"),
    ROLLBACK_FAILED("rollback-failed"),
    DATA_EXISTS("data-exists"),
    DATA_MISSING("data-missing"),
    OPERATION_NOT_SUPPORTED("operation-not-supported"),
    OPERATION_FAILED("operation-failed"),
    /** Deprecated by RFC 6241 and kept only so that old peers' errors can be named. */
    PARTIAL_OPERATION("partial-operation"),
    MALFORMED_MESSAGE("malformed-message");

    private final String wireName;

    ErrorTag(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
