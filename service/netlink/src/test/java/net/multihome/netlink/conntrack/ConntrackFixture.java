package net.multihome.netlink.conntrack;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.multihome.netlink.ApplyResult;
import net.multihome.netlink.NetlinkException;
import net.multihome.netlink.channel.Channel;
import net.multihome.netlink.channel.Request;
import net.multihome.netlink.codec.MessageWriter;
import net.multihome.netlink.codec.NetlinkFlags;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.socket.NetlinkSocket;

/**
 * Creates many UDP conntrack entries at once ({@code IPCTNL_MSG_CT_NEW}, batched), where one
 * {@code conntrack -I} process per entry would take minutes; and the kernel's filtered flush
 * ({@code IPCTNL_MSG_CT_DELETE} with only {@code CTA_MARK}/{@code CTA_MARK_MASK}) to compare with.
 */
public final class ConntrackFixture implements AutoCloseable {

    private static final int CTA_TIMEOUT = 7;
    private static final int CTA_MARK = 8;
    private static final int CTA_MARK_MASK = 21;
    private static final int UDP = 17;

    private final Channel channel;

    public ConntrackFixture(Path netns) {
        channel = new Channel(NetlinkSocket.open(netns, NetlinkSocket.NETLINK_NETFILTER, Channel.RECEIVE_BUFFER));
    }

    /** One UDP entry {@code source:sourcePort -> destination:destinationPort} with {@code mark}. */
    public record Udp(InetAddress source, int sourcePort, InetAddress destination, int destinationPort, long mark) {
    }

    /** Creates the entries with a timeout of {@code timeoutSeconds}; fails on the first refusal. */
    public void create(List<Udp> entries, int timeoutSeconds) {
        List<Request> requests = new ArrayList<>();
        for (Udp e : entries) {
            requests.add(new Request("conntrack create", e, NetlinkFlags.NEW_EXCLUSIVE,
                    (w, flags, seq) -> encodeNew(w, e, timeoutSeconds, flags, seq)));
        }
        List<ApplyResult> results = channel.executeAll(requests);
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) instanceof ApplyResult.Failed failed) {
                throw new NetlinkException(failed, requests.get(i).describe());
            }
        }
    }

    /** The kernel's filtered flush, which deletes without reporting how many. */
    public void flushByMark(long mark, long mask) {
        Request flush = new Request("conntrack flush mark", mark, NetlinkFlags.REQUEST, (w, flags, seq) -> {
            w.begin(CtnetlinkCodec.CT_DELETE, flags, seq);
            w.u8(0).u8(0).u16(0);
            w.attrU32BigEndian(CTA_MARK, mark);
            w.attrU32BigEndian(CTA_MARK_MASK, mask);
            w.end();
        });
        List<ApplyResult> results = channel.executeAll(List.of(flush));
        if (results.getFirst() instanceof ApplyResult.Failed failed) {
            throw new NetlinkException(failed, "conntrack flush mark");
        }
    }

    private static void encodeNew(MessageWriter w, Udp e, int timeoutSeconds, int flags, int seq) {
        Family family = Family.of(e.source());
        w.begin(CtnetlinkCodec.CT_NEW, flags, seq);
        w.u8(family.code()).u8(0).u16(0);
        tuple(w, 1, family, e.source(), e.sourcePort(), e.destination(), e.destinationPort());
        tuple(w, 2, family, e.destination(), e.destinationPort(), e.source(), e.sourcePort());
        w.attrU32BigEndian(CTA_TIMEOUT, timeoutSeconds);
        w.attrU32BigEndian(CTA_MARK, e.mark());
        w.end();
    }

    private static void tuple(MessageWriter w, int type, Family family, InetAddress source, int sourcePort,
            InetAddress destination, int destinationPort) {
        int tuple = w.beginNested(type, true);
        int ip = w.beginNested(1, true);
        boolean v4 = family == Family.INET;
        w.attrAddress(v4 ? 1 : 3, source);
        w.attrAddress(v4 ? 2 : 4, destination);
        w.endNested(ip);
        int proto = w.beginNested(2, true);
        w.attrU8(1, UDP);
        w.attrBytes(2, new byte[] {(byte) (sourcePort >>> 8), (byte) sourcePort});
        w.attrBytes(3, new byte[] {(byte) (destinationPort >>> 8), (byte) destinationPort});
        w.endNested(proto);
        w.endNested(tuple);
    }

    @Override
    public void close() {
        channel.close();
    }
}
