package net.multihome.netconf.ssh;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps concurrent SSH connections, authenticated or not, so clients that never authenticate or
 * never open the subsystem cannot exhaust the server. Excess connections are closed at once.
 */
final class ConnectionLimiter implements SessionListener {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimiter.class);

    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();

    ConnectionLimiter(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    @Override
    public void sessionCreated(Session session) {
        if (open.incrementAndGet() > maxConnections) {
            LOG.warn("closing SSH connection from {}: {} connections open", session.getRemoteAddress(), maxConnections);
            session.close(true);
        }
    }

    @Override
    public void sessionClosed(Session session) {
        open.decrementAndGet();
    }
}
