package net.multihome.netlink.conntrack;

import java.net.InetAddress;
import java.util.Objects;
import net.multihome.netlink.model.Family;

/**
 * One connection as {@code conntrack -L} shows it.
 *
 * @param protocol IP protocol number of the original direction, e.g. 6 for TCP
 * @param original the tuple of the first packet
 * @param reply the tuple answers carry (with NAT, the translated addresses)
 * @param mark the conntrack mark ({@code ct mark}), unsigned 32 bits
 */
public record ConntrackEntry(Family family, int protocol, Tuple original, Tuple reply, long mark) {

    public ConntrackEntry {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(reply, "reply");
    }

    /**
     * Addresses and ports of one direction.
     *
     * @param sourcePort 0 for protocols without ports (ICMP)
     * @param destinationPort 0 for protocols without ports (ICMP)
     */
    public record Tuple(InetAddress source, InetAddress destination, int sourcePort, int destinationPort) {

        public Tuple {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(destination, "destination");
        }
    }
}
