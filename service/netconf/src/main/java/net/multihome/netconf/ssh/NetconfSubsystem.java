package net.multihome.netconf.ssh;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import net.multihome.netconf.session.SessionHandle;
import net.multihome.netconf.session.SessionManager;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/** One {@code netconf} subsystem channel: hands its streams to the session layer. */
final class NetconfSubsystem implements Command {
    private final SessionManager sessions;
    private InputStream in;
    private OutputStream out;
    private ExitCallback exit;
    private volatile SessionHandle handle;

    NetconfSubsystem(SessionManager sessions) {
        this.sessions = sessions;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        // NETCONF has no use for stderr.
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        SocketAddress remote = channel.getSession().getClientAddress();
        InetSocketAddress source = remote instanceof InetSocketAddress inet ? inet
                : InetSocketAddress.createUnresolved(String.valueOf(remote), 0);
        handle = sessions.start(channel.getSession().getUsername(), source, in, out, () -> exit.onExit(0));
    }

    @Override
    public void destroy(ChannelSession channel) {
        SessionHandle h = handle;
        if (h != null) {
            h.transportClosed();
        }
    }
}
