package net.multihome.netlink.conntrack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.multihome.netlink.ApplyResult;
import net.multihome.netlink.NetlinkException;
import net.multihome.netlink.channel.Channel;
import net.multihome.netlink.channel.Request;
import net.multihome.netlink.codec.NetlinkFlags;
import net.multihome.netlink.socket.Errno;
import net.multihome.netlink.socket.ErrnoException;
import net.multihome.netlink.socket.NetlinkSocket;

/**
 * ctnetlink in one network namespace, over one socket. Thread-safe: calls are serialised.
 *
 * <p>{@link #deleteByMark} dumps the matching entries (filtered in the kernel) and deletes each
 * by its original tuple and id, many per {@code send()}. That reports how many went, which the
 * kernel's filtered flush does not, and works on kernels older than the flush filter. An entry
 * created with the mark after the dump stays; call again to catch it.
 *
 * <pre>{@code
 * try (ConntrackHandle ct = ConntrackHandle.open(Path.of("/run/netns/router"))) {
 *     int gone = ct.deleteByMark(2L << 16, 0x00ff0000);
 * }
 * }</pre>
 */
public final class ConntrackHandle implements AutoCloseable {

    private static final long U32 = 0xffffffffL;

    private final Channel channel;

    private ConntrackHandle(NetlinkSocket socket) {
        this.channel = new Channel(socket);
    }

    /** A handle on the namespace of the calling process. */
    public static ConntrackHandle open() {
        return new ConntrackHandle(openSocket(null));
    }

    /** A handle on the namespace named by a path such as {@code /run/netns/NAME}. */
    public static ConntrackHandle open(Path netnsPath) {
        Objects.requireNonNull(netnsPath, "netnsPath");
        return new ConntrackHandle(openSocket(netnsPath));
    }

    private static NetlinkSocket openSocket(Path netnsPath) {
        try {
            return netnsPath == null
                    ? NetlinkSocket.open(NetlinkSocket.NETLINK_NETFILTER, Channel.RECEIVE_BUFFER)
                    : NetlinkSocket.open(netnsPath, NetlinkSocket.NETLINK_NETFILTER, Channel.RECEIVE_BUFFER);
        } catch (ErrnoException e) {
            throw new NetlinkException(e.errno(), null, "open ctnetlink socket"
                    + (netnsPath == null ? "" : " in " + netnsPath) + ": " + e.getMessage());
        }
    }

    /** Equivalent to: {@code conntrack -L --mark MARK/MASK} (IPv4 and IPv6). */
    public synchronized List<ConntrackEntry> entries(long mark, long mask) {
        checkMark(mark, mask);
        return dump(mark, mask).stream().map(DumpedEntry::entry).toList();
    }

    /**
     * Equivalent to: {@code conntrack -D --mark MARK/MASK} (IPv4 and IPv6): deletes every entry
     * with {@code (ct mark & mask) == mark}. An entry that vanished meanwhile is not an error.
     *
     * @param mask not 0, which would delete every entry
     * @return how many entries this call deleted
     * @throws NetlinkException when the kernel refuses the dump or a delete (after trying all deletes)
     */
    public synchronized int deleteByMark(long mark, long mask) {
        checkMark(mark, mask);
        if (mask == 0) {
            throw new IllegalArgumentException("mask 0 matches every conntrack entry");
        }
        return delete(dump(mark, mask));
    }

    /** Deletes the entries by tuple, zone and id; counts those deleted, skipping those gone. */
    synchronized int delete(List<DumpedEntry> entries) {
        List<Request> deletes = new ArrayList<>();
        for (DumpedEntry e : entries) {
            deletes.add(new Request("conntrack delete", e.entry(), NetlinkFlags.REQUEST,
                    (w, flags, seq) -> CtnetlinkCodec.encodeDelete(w, e, flags, seq)));
        }
        List<ApplyResult> results = channel.executeAll(deletes);
        int deleted = 0;
        NetlinkException firstFailure = null;
        for (int i = 0; i < results.size(); i++) {
            switch (results.get(i)) {
                case ApplyResult.Applied _ -> deleted++;
                case ApplyResult.Failed failed when failed.errno() == Errno.ENOENT -> { }
                case ApplyResult.Failed failed -> {
                    if (firstFailure == null) {
                        firstFailure = new NetlinkException(failed, deletes.get(i).describe());
                    }
                }
            }
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
        return deleted;
    }

    /** The entries of one mark, each with what deleting exactly it takes. */
    synchronized List<DumpedEntry> dump(long mark, long mask) {
        return channel.dump(new Request("conntrack list mark", "0x" + Long.toHexString(mark) + "/0x"
                + Long.toHexString(mask), NetlinkFlags.REQUEST | NetlinkFlags.DUMP,
                (w, flags, seq) -> CtnetlinkCodec.encodeDumpByMark(w, mark, mask, seq)), CtnetlinkCodec::decode);
    }

    private static void checkMark(long mark, long mask) {
        if ((mark & ~U32) != 0 || (mask & ~U32) != 0) {
            throw new IllegalArgumentException("mark and mask are 32 bits: 0x" + Long.toHexString(mark) + "/0x"
                    + Long.toHexString(mask));
        }
        if ((mark & ~mask) != 0) {
            throw new IllegalArgumentException("mark 0x" + Long.toHexString(mark) + " has bits outside mask 0x"
                    + Long.toHexString(mask) + ": nothing could match");
        }
    }

    @Override
    public synchronized void close() {
        channel.close();
    }
}
