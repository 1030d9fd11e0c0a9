package net.multihome.netconf.ssh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import net.multihome.netconf.session.SessionRegistry;

/** A NETCONF-over-SSH server (RFC 6242). Build with {@link #builder()}, then {@link #start()}. */
public interface NetconfServer extends AutoCloseable {
    /**
     * Sets up what every server shares and takes long on first use: the security providers
     * (the JDK's Ed25519 handed to MINA), MINA's algorithm tables and the login decoy hash. Any
     * thread may call it, before or instead of a server's first start.
     */
    static void preload() {
        SshNetconfServer.preload();
    }

    static NetconfServerBuilder builder() {
        return new NetconfServerBuilder();
    }

    /** Binds every listen address; returns once connections are accepted. */
    void start() throws IOException;

    /** The first bound address; with port 0 requested, this holds the ephemeral port. */
    default InetSocketAddress boundAddress() {
        return boundAddresses().getFirst();
    }

    /** Every bound address, in the order the endpoints were given. */
    List<InetSocketAddress> boundAddresses();

    default int port() {
        return boundAddress().getPort();
    }

    /** Every capability URI advertised in the server hello, base:1.0 and base:1.1 first. */
    List<String> capabilities();

    SessionRegistry sessions();

    /** Refused passwords and public keys since the server was built. */
    long failedLogins();

    /** Ends all sessions and stops listening. */
    @Override
    void close() throws IOException;
}
