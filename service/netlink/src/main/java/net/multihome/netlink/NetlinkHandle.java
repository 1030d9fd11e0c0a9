package net.multihome.netlink;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.multihome.netlink.channel.Channel;
import net.multihome.netlink.channel.Request;
import net.multihome.netlink.codec.AddressCodec;
import net.multihome.netlink.codec.LinkCodec;
import net.multihome.netlink.codec.NexthopCodec;
import net.multihome.netlink.codec.RouteCodec;
import net.multihome.netlink.codec.RuleCodec;
import net.multihome.netlink.model.Address;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.Link;
import net.multihome.netlink.model.Nexthop;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.Rule;
import net.multihome.netlink.socket.Errno;
import net.multihome.netlink.socket.ErrnoException;
import net.multihome.netlink.socket.NetlinkSocket;

/**
 * rtnetlink operations in one network namespace, over one socket. Thread-safe: calls are
 * serialised. Every operation throws {@link NetlinkException} when the kernel refuses it;
 * a {@link #batch()} reports refusals per change instead.
 *
 * <pre>{@code
 * try (NetlinkHandle nl = NetlinkHandle.open(Path.of("/run/netns/lab"))) {
 *     nl.apply(new Change.ReplaceRoute(route));
 * }
 * }</pre>
 */
public final class NetlinkHandle implements AutoCloseable {

    private final Channel channel;

    private NetlinkHandle(NetlinkSocket socket) {
        this.channel = new Channel(socket);
    }

    /** A handle on the namespace of the calling process. */
    public static NetlinkHandle open() {
        return new NetlinkHandle(openSocket(null));
    }

    /** A handle on the namespace named by a path such as {@code /run/netns/NAME}. */
    public static NetlinkHandle open(Path netnsPath) {
        Objects.requireNonNull(netnsPath, "netnsPath");
        return new NetlinkHandle(openSocket(netnsPath));
    }

    static NetlinkSocket openSocket(Path netnsPath) {
        try {
            return netnsPath == null
                    ? NetlinkSocket.open(NetlinkSocket.NETLINK_ROUTE, Channel.RECEIVE_BUFFER)
                    : NetlinkSocket.open(netnsPath, NetlinkSocket.NETLINK_ROUTE, Channel.RECEIVE_BUFFER);
        } catch (ErrnoException e) {
            throw new NetlinkException(e.errno(), null, "open netlink socket"
                    + (netnsPath == null ? "" : " in " + netnsPath) + ": " + e.getMessage());
        }
    }

    /**
     * Makes one change and waits for the kernel's answer, e.g.
     * {@code apply(new Change.ReplaceRoute(route))} for {@code ip route replace ...}.
     *
     * @throws NetlinkException when the kernel refuses it
     */
    public synchronized void apply(Change change) {
        channel.execute(Requests.of(change));
    }

    /**
     * Equivalent to: {@code ip route show table T} ({@code table all} for 0), filtered by table
     * in the kernel.
     */
    public synchronized List<Route> routes(Family family, long table) {
        try {
            return channel.dump(new Request("route show table", table, 0,
                    (w, f, s) -> RouteCodec.encodeDump(w, family, table, s)), RouteCodec::decode);
        } catch (NetlinkException e) {
            // the kernel answers a dump of a table that does not exist (yet) with ENOENT
            if (table != 0 && e.errno() == Errno.ENOENT) {
                return List.of();
            }
            throw e;
        }
    }

    /** Equivalent to: {@code ip [-6] rule show}. */
    public synchronized List<Rule> rules(Family family) {
        return channel.dump(new Request("rule show", family, 0,
                (w, f, s) -> RuleCodec.encodeDump(w, family, s)), RuleCodec::decode);
    }

    /** Equivalent to: {@code ip nexthop show}. */
    public synchronized List<Nexthop> nexthops() {
        return channel.dump(new Request("nexthop show", "", 0,
                (w, f, s) -> NexthopCodec.encodeDump(w, s)), NexthopCodec::decode);
    }

    /** Equivalent to: {@code ip -s link show}. */
    public synchronized List<Link> links() {
        return channel.dump(new Request("link show", "", 0,
                (w, f, s) -> LinkCodec.encodeDump(w, s)), LinkCodec::decode);
    }

    /** Equivalent to: {@code ip -s link show dev NAME}; empty if there is no such link. */
    public synchronized Optional<Link> link(String name) {
        try {
            return Optional.ofNullable(channel.get(new Request("link show dev", name, 0,
                    (w, f, s) -> LinkCodec.encodeGet(w, name, s)), LinkCodec::decode));
        } catch (NetlinkException e) {
            if (e.errno() == Errno.ENODEV) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Equivalent to: {@code ip [-6] addr show}. */
    public synchronized List<Address> addresses(Family family) {
        return channel.dump(new Request("addr show", family, 0,
                (w, f, s) -> AddressCodec.encodeDump(w, family, s)), AddressCodec::decode);
    }

    /**
     * A batch of changes sent together when {@link NetlinkBatch#execute()} is called (the
     * equivalent of {@code ip -batch FILE}, without stopping at the first error).
     */
    public NetlinkBatch batch() {
        return new NetlinkBatch(this);
    }

    synchronized List<ApplyResult> executeAll(List<Request> requests) {
        return channel.executeAll(requests);
    }

    @Override
    public synchronized void close() {
        channel.close();
    }
}
