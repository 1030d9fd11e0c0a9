package net.multihome.snmp;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.channels.DatagramChannel;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * SNMP over a UDP socket another process bound and passed in (a service manager's socket, or
 * the lab's socket in the host's namespace), so requests reach the agent with no relay. SNMP4J
 * binds a socket of its own in every constructor: that one is closed at once and the passed
 * socket takes its place. Closing the mapping closes the passed socket.
 */
final class InheritedUdpTransportMapping extends DefaultUdpTransportMapping {

    InheritedUdpTransportMapping(DatagramChannel channel) throws IOException {
        super();
        if (!(channel.getLocalAddress() instanceof InetSocketAddress local)) {
            throw new IOException("the passed socket is not bound to an IP address");
        }
        socket.close();
        socket = channel.socket();
        udpAddress = new UdpAddress(local.getAddress(), local.getPort());
    }

    /** SNMP4J would bind a new socket after a close; the passed one cannot be bound again. */
    @Override
    protected synchronized DatagramSocket ensureSocket() throws SocketException {
        if (socket == null || socket.isClosed()) {
            throw new SocketException("the passed socket " + udpAddress + " is closed");
        }
        return socket;
    }
}
