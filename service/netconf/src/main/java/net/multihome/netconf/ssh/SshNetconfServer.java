package net.multihome.netconf.ssh;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import net.multihome.netconf.session.SessionManager;
import net.multihome.netconf.session.SessionRegistry;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link NetconfServer} on Apache MINA SSHD; only the {@code netconf} subsystem is offered, no shell or exec. */
final class SshNetconfServer implements NetconfServer {
    private static final Logger LOG = LoggerFactory.getLogger(SshNetconfServer.class);

    private final SshServer ssh;
    private final SessionManager sessions;
    private final SimpleGeneratorHostKeyProvider hostKeys;
    private final Path hostKeyFile;
    private final InetAddress listenAddress;

    SshNetconfServer(NetconfServerBuilder config) {
        this.hostKeyFile = config.hostKeyFile;
        this.listenAddress = config.listen.getAddress();
        this.sessions = SessionManager.create(config.limits(), config.capabilities, config.handlers, config.listener,
                config.clock);
        this.ssh = SshServer.setUpDefaultServer();
        ssh.setHost(config.listen.getAddress().getHostAddress());
        ssh.setPort(config.listen.getPort());
        this.hostKeys = new SimpleGeneratorHostKeyProvider(hostKeyFile);
        ssh.setKeyPairProvider(hostKeys);
        ssh.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        DirectoryAuthenticator auth = new DirectoryAuthenticator(config.users);
        ssh.setPasswordAuthenticator(auth);
        ssh.setPublickeyAuthenticator(auth);
        ssh.setKeyboardInteractiveAuthenticator(null);
        ssh.setSubsystemFactories(List.of(new NetconfSubsystemFactory(sessions)));
        ssh.addSessionListener(new ConnectionLimiter(config.limits().maxSessions()));
        CoreModuleProperties.MAX_AUTH_REQUESTS.set(ssh, config.maxAuthAttempts);
        CoreModuleProperties.AUTH_TIMEOUT.set(ssh, config.authTimeout);
        CoreModuleProperties.IDLE_TIMEOUT.set(ssh, config.idleTimeout);
    }

    @Override
    public void start() throws IOException {
        boolean existed = Files.exists(hostKeyFile);
        Path parent = hostKeyFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // Generate (or load) the host key now, so a broken key file fails start, not the first client.
        hostKeys.loadKeys(null);
        if (!Files.exists(hostKeyFile)) {
            // MINA keeps an unwritable key in memory only; clients would see a new key after every restart.
            throw new IOException("host key could not be written to " + hostKeyFile);
        }
        if (!existed && Files.getFileStore(hostKeyFile).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(hostKeyFile, PosixFilePermissions.fromString("rw-------"));
        }
        ssh.start();
        LOG.info("NETCONF server listening on {}", boundAddress());
    }

    @Override
    public InetSocketAddress boundAddress() {
        return new InetSocketAddress(listenAddress, ssh.getPort());
    }

    @Override
    public List<String> capabilities() {
        return sessions.capabilities();
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
            ssh.stop(true);
        }
    }
}
