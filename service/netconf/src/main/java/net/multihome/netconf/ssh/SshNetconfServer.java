package net.multihome.netconf.ssh;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.multihome.netconf.session.SessionManager;
import net.multihome.netconf.session.SessionRegistry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link NetconfServer} on Apache MINA SSHD; only the {@code netconf} subsystem is offered, no shell or exec.
 * Each listen endpoint gets its own MINA server; all share one session manager, so session-ids,
 * locks and limits span every endpoint.
 */
final class SshNetconfServer implements NetconfServer {
    private static final Logger LOG = LoggerFactory.getLogger(SshNetconfServer.class);

    private final List<SshServer> servers = new ArrayList<>();
    private final List<InetAddress> listenAddresses = new ArrayList<>();
    private final SessionManager sessions;
    private final Path hostKeyFile;
    private final FailedLogins failedLogins;

    SshNetconfServer(NetconfServerBuilder config) {
        JdkEd25519Registrar.install();
        this.hostKeyFile = config.hostKeyFile;
        this.sessions = SessionManager.create(config.limits(), config.capabilities, config.handlers, config.listener,
                config.clock);
        this.failedLogins = new FailedLogins(config.failedLoginDelay);
        ConnectionLimiter limiter = new ConnectionLimiter(config.limits().maxSessions());
        for (InetSocketAddress endpoint : config.listen) {
            listenAddresses.add(endpoint.getAddress());
            servers.add(server(config, endpoint, limiter));
        }
    }

    static void preload() {
        JdkEd25519Registrar.install();
        SecurityUtils.isEDDSACurveSupported();
        SshServer.setUpDefaultServer();
        try {
            // Its initialisation computes the decoy password hash.
            MethodHandles.lookup().ensureInitialized(DirectoryAuthenticator.class);
        } catch (IllegalAccessException e) {
            throw new AssertionError("same package", e);
        }
    }

    private SshServer server(NetconfServerBuilder config, InetSocketAddress endpoint, ConnectionLimiter limiter) {
        SshServer ssh = SshServer.setUpDefaultServer();
        ssh.setHost(endpoint.getAddress().getHostAddress());
        ssh.setPort(endpoint.getPort());
        SshAlgorithms.apply(ssh);
        ssh.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        DirectoryAuthenticator auth = new DirectoryAuthenticator(config.users, failedLogins);
        ssh.setPasswordAuthenticator(auth);
        ssh.setPublickeyAuthenticator(auth);
        ssh.setKeyboardInteractiveAuthenticator(null);
        ssh.setSubsystemFactories(List.of(new NetconfSubsystemFactory(sessions)));
        ssh.addSessionListener(limiter);
        CoreModuleProperties.MAX_AUTH_REQUESTS.set(ssh, config.maxAuthAttempts);
        CoreModuleProperties.AUTH_TIMEOUT.set(ssh, config.authTimeout);
        CoreModuleProperties.IDLE_TIMEOUT.set(ssh, config.idleTimeout);
        // Replies go out as soon as written: with Nagle, a reply's second segment waited for the
        // client's delayed ACK, 40 ms on Linux, for about one request in a hundred.
        CoreModuleProperties.TCP_NODELAY.set(ssh, true);
        ssh.setIoServiceFactoryFactory(new QuickAckIoServiceFactoryFactory());
        return ssh;
    }

    @Override
    public void start() throws IOException {
        try {
            // Load or generate the host key now, so a broken key file fails start, not the first client.
            KeyPairProvider hostKey = KeyPairProvider.wrap(Ed25519KeyFile.loadOrCreate(hostKeyFile, "multihome NETCONF host key"));
            servers.forEach(ssh -> ssh.setKeyPairProvider(hostKey));
            for (SshServer ssh : servers) {
                ssh.start();
            }
        } catch (IOException | RuntimeException e) {
            try {
                stopAll();
            } finally {
                failedLogins.close();
            }
            throw e;
        }
        LOG.info("NETCONF server listening on {}", boundAddresses());
    }

    @Override
    public List<InetSocketAddress> boundAddresses() {
        List<InetSocketAddress> out = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            out.add(new InetSocketAddress(listenAddresses.get(i), servers.get(i).getPort()));
        }
        return out;
    }

    @Override
    public List<String> capabilities() {
        return sessions.capabilities();
    }

    @Override
    public long failedLogins() {
        return failedLogins.count();
    }

    @Override
    public SessionRegistry sessions() {
        return sessions.registry();
    }

    @Override
    public void close() throws IOException {
        try {
            sessions.close();
        } finally {
            try {
                stopAll();
            } finally {
                failedLogins.close();
            }
        }
    }

    private void stopAll() throws IOException {
        IOException failure = null;
        for (SshServer ssh : servers) {
            try {
                ssh.stop(true);
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
