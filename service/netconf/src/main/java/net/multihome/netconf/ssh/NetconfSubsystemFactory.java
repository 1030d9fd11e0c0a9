package net.multihome.netconf.ssh;

import net.multihome.netconf.session.SessionManager;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.subsystem.SubsystemFactory;

/** Registers the RFC 6242 {@code netconf} SSH subsystem. */
final class NetconfSubsystemFactory implements SubsystemFactory {
    static final String NAME = "netconf";

    private final SessionManager sessions;

    NetconfSubsystemFactory(SessionManager sessions) {
        this.sessions = sessions;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Command createSubsystem(ChannelSession channel) {
        return new NetconfSubsystem(sessions);
    }
}
