package net.multihome.netconf.session;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits a session enforces.
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>Limit</th><th>Default</th><th>On violation</th></tr>
 *   <tr><td>maxSessions: live NETCONF sessions</td><td>64</td><td>new session closed at once</td></tr>
 *   <tr><td>helloTimeout: time to receive the client hello</td><td>30 s</td><td>session closed, reason timeout</td></tr>
 *   <tr><td>maxMessageSize: bytes of one message</td><td>16 MiB</td><td>session closed, reason other</td></tr>
 *   <tr><td>maxChunkSize: bytes of one incoming chunk</td><td>16 MiB</td><td>session closed, reason other</td></tr>
 *   <tr><td>maxXmlDepth: element nesting</td><td>64</td><td>malformed-message rpc-error, then closed</td></tr>
 * </table>
 */
public record SessionLimits(int maxSessions, Duration helloTimeout, int maxMessageSize, int maxChunkSize,
                            int maxXmlDepth) {
    public static final SessionLimits DEFAULTS =
            new SessionLimits(64, Duration.ofSeconds(30), 16 * 1024 * 1024, 16 * 1024 * 1024, 64);

    public SessionLimits {
        Objects.requireNonNull(helloTimeout, "helloTimeout");
        if (maxSessions < 1 || maxMessageSize < 1 || maxChunkSize < 1 || maxXmlDepth < 1
                || helloTimeout.isNegative() || helloTimeout.isZero()) {
            throw new IllegalArgumentException("session limits must be positive: " + this);
        }
    }
}
