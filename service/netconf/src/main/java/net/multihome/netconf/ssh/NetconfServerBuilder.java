package net.multihome.netconf.ssh;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import net.multihome.netconf.rpc.RpcHandlerRegistry;
import net.multihome.netconf.session.SessionLimits;
import net.multihome.netconf.session.SessionListener;

/**
 * Configures a {@link NetconfServer}.
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>Setting</th><th>Default</th></tr>
 *   <tr><td>listen: one or more endpoints sharing sessions, session-ids and limits</td>
 *       <td>127.0.0.1:830</td></tr>
 *   <tr><td>hostKeyFile: an OpenSSH ssh-ed25519 private key, the only host key offered</td>
 *       <td>required; generated on first start (mode 0600), then reused</td></tr>
 *   <tr><td>users</td><td>required</td></tr>
 *   <tr><td>maxAuthAttempts: SSH authentication requests per connection, counted as MINA SSHD
 *       does (a client's initial "none" probe counts)</td><td>6</td></tr>
 *   <tr><td>authTimeout (time to authenticate)</td><td>30 s</td></tr>
 *   <tr><td>failedLoginDelay: how long a refused password waits for its answer</td><td>1 s</td></tr>
 *   <tr><td>maxSessions (NETCONF sessions, and SSH connections)</td><td>64</td></tr>
 *   <tr><td>helloTimeout</td><td>30 s</td></tr>
 *   <tr><td>idleTimeout (no SSH traffic either way)</td><td>1 h</td></tr>
 *   <tr><td>maxMessageSize</td><td>16 MiB</td></tr>
 *   <tr><td>maxChunkSize</td><td>16 MiB</td></tr>
 *   <tr><td>maxXmlDepth</td><td>64</td></tr>
 *   <tr><td>capabilities</td><td>none besides base:1.0 and base:1.1</td></tr>
 *   <tr><td>handlers</td><td>an empty registry</td></tr>
 *   <tr><td>sessionListener</td><td>{@link SessionListener#NONE}</td></tr>
 * </table>
 */
public final class NetconfServerBuilder {
    List<InetSocketAddress> listen = List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 830));
    Path hostKeyFile;
    UserDirectory users;
    int maxAuthAttempts = 6;
    Duration authTimeout = Duration.ofSeconds(30);
    Duration failedLoginDelay = Duration.ofSeconds(1);
    Duration idleTimeout = Duration.ofHours(1);
    List<String> capabilities = List.of();
    RpcHandlerRegistry handlers = new RpcHandlerRegistry();
    SessionListener listener = SessionListener.NONE;
    Clock clock = Clock.systemUTC();
    private int maxSessions = SessionLimits.DEFAULTS.maxSessions();
    private Duration helloTimeout = SessionLimits.DEFAULTS.helloTimeout();
    private int maxMessageSize = SessionLimits.DEFAULTS.maxMessageSize();
    private int maxChunkSize = SessionLimits.DEFAULTS.maxChunkSize();
    private int maxXmlDepth = SessionLimits.DEFAULTS.maxXmlDepth();

    NetconfServerBuilder() {
    }

    /** Port 0 picks an ephemeral port; read it from {@link NetconfServer#port()}. */
    public NetconfServerBuilder listen(InetAddress address, int port) {
        this.listen = List.of(new InetSocketAddress(Objects.requireNonNull(address, "address"), port));
        return this;
    }

    /** Several endpoints served as one server; port 0 picks an ephemeral port per endpoint. */
    public NetconfServerBuilder listen(List<InetSocketAddress> endpoints) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("at least one listen endpoint is needed");
        }
        this.listen = List.copyOf(endpoints);
        return this;
    }

    public NetconfServerBuilder hostKeyFile(Path file) {
        this.hostKeyFile = Objects.requireNonNull(file, "file");
        return this;
    }

    public NetconfServerBuilder users(UserDirectory directory) {
        this.users = Objects.requireNonNull(directory, "directory");
        return this;
    }

    public NetconfServerBuilder maxAuthAttempts(int attempts) {
        this.maxAuthAttempts = positive(attempts, "maxAuthAttempts");
        return this;
    }

    public NetconfServerBuilder authTimeout(Duration timeout) {
        this.authTimeout = positive(timeout, "authTimeout");
        return this;
    }

    public NetconfServerBuilder failedLoginDelay(Duration delay) {
        this.failedLoginDelay = positive(delay, "failedLoginDelay");
        return this;
    }

    public NetconfServerBuilder maxSessions(int sessions) {
        this.maxSessions = positive(sessions, "maxSessions");
        return this;
    }

    public NetconfServerBuilder helloTimeout(Duration timeout) {
        this.helloTimeout = positive(timeout, "helloTimeout");
        return this;
    }

    public NetconfServerBuilder idleTimeout(Duration timeout) {
        this.idleTimeout = positive(timeout, "idleTimeout");
        return this;
    }

    public NetconfServerBuilder maxMessageSize(int bytes) {
        this.maxMessageSize = positive(bytes, "maxMessageSize");
        return this;
    }

    public NetconfServerBuilder maxChunkSize(int bytes) {
        this.maxChunkSize = positive(bytes, "maxChunkSize");
        return this;
    }

    public NetconfServerBuilder maxXmlDepth(int depth) {
        this.maxXmlDepth = positive(depth, "maxXmlDepth");
        return this;
    }

    /** Capability URIs to advertise; base:1.0 and base:1.1 are always added by the server. */
    public NetconfServerBuilder capabilities(List<String> uris) {
        this.capabilities = List.copyOf(uris);
        return this;
    }

    public NetconfServerBuilder handlers(RpcHandlerRegistry registry) {
        this.handlers = Objects.requireNonNull(registry, "registry");
        return this;
    }

    public NetconfServerBuilder sessionListener(SessionListener sessionListener) {
        this.listener = Objects.requireNonNull(sessionListener, "sessionListener");
        return this;
    }

    /** The clock for login times, eventTimes of statistics and the server start time. */
    public NetconfServerBuilder clock(Clock newClock) {
        this.clock = Objects.requireNonNull(newClock, "clock");
        return this;
    }

    /** @throws IllegalStateException if the host key file or the user directory is missing */
    public NetconfServer build() {
        if (hostKeyFile == null || users == null) {
            throw new IllegalStateException("hostKeyFile and users are required");
        }
        return new SshNetconfServer(this);
    }

    SessionLimits limits() {
        return new SessionLimits(maxSessions, helloTimeout, maxMessageSize, maxChunkSize, maxXmlDepth);
    }

    private static int positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    private static Duration positive(Duration value, String name) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }
}
