package net.multihome.netconf.rpc;

/** RFC 6241 section 4.3 error-type: the conceptual layer where the error occurred. */
public enum ErrorType {
    TRANSPORT("transport"),
    RPC("rpc"),
    PROTOCOL("protocol"),
    APPLICATION("application");

    private final String wireName;

    ErrorType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
