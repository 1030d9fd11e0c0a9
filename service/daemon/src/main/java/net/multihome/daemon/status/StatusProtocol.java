package net.multihome.daemon.status;

/**
 * The status socket's exchange: the client sends one request line, {@code text} or
 * {@code json}; the daemon answers with one status line, {@code ok} or {@code refused}, then
 * the view or the one line that says why, and closes.
 */
final class StatusProtocol {

    static final String TEXT = "text";
    static final String JSON = "json";
    static final String OK = "ok";
    static final String REFUSED = "refused";
    /** A longer request line is not one of ours. */
    static final int MAX_REQUEST = 64;

    private StatusProtocol() {
    }
}
