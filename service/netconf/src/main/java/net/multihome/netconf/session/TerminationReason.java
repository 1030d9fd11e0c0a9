package net.multihome.netconf.session;

/** Why a session ended, with the RFC 6470 netconf-session-end termination-reason names. */
public enum TerminationReason {
    /** The client sent close-session. */
    CLOSED("closed"),
    /** Another session sent kill-session. */
    KILLED("killed"),
    /** The transport went away without close-session. */
    DROPPED("dropped"),
    /** No hello within the hello timeout. */
    TIMEOUT("timeout"),
    /** The client hello was malformed or named no base capability we speak. */
    BAD_HELLO("bad-hello"),
    /** Protocol violation (bad framing, malformed XML, size limits) or server shutdown. */
    OTHER("other");

    private final String wireName;

    TerminationReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
