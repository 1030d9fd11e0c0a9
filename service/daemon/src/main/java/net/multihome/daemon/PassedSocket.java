package net.multihome.daemon;

import java.io.IOException;
import java.nio.channels.Channel;
import java.nio.channels.DatagramChannel;
import java.util.Optional;
import net.multihome.netlink.socket.Libc;
import net.multihome.netlink.socket.SocketDomain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A UDP socket passed as standard input, inetd style (systemd's {@code StandardInput=socket},
 * or the lab's socket bound in the host's namespace); the SNMP agent serves it besides its
 * configured addresses.
 */
final class PassedSocket {

    private static final Logger LOG = LoggerFactory.getLogger(PassedSocket.class);

    private static final int STANDARD_INPUT = 0;

    private PassedSocket() {
    }

    /** The socket on standard input, when it is a bound UDP socket; anything else is left alone. */
    static Optional<DatagramChannel> snmp() {
        try {
            Channel channel = System.inheritedChannel();
            if (channel instanceof DatagramChannel udp && udp.getLocalAddress() != null) {
                if (SocketDomain.of(STANDARD_INPUT).orElse(Libc.AF_INET6) == Libc.AF_INET) {
                    LOG.error("SNMP: the UDP socket {} passed on standard input is IPv4 (AF_INET); Java takes"
                            + " a passed socket for IPv6 and every answer would fail: pass an IPv6 one, e.g."
                            + " [::ffff:127.0.0.1]:161 or systemd's ListenDatagram=161; not served",
                            udp.getLocalAddress());
                    udp.close();
                    return Optional.empty();
                }
                LOG.info("SNMP: serving the UDP socket {} passed on standard input", udp.getLocalAddress());
                return Optional.of(udp);
            }
            if (channel != null) {
                LOG.warn("standard input is a socket but not a bound UDP one; not served");
            }
        } catch (IOException e) {
            LOG.warn("cannot read the socket passed on standard input: {}", e.toString());
        }
        return Optional.empty();
    }
}
