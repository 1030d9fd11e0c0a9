package net.multihome.netlink.channel;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import net.multihome.netlink.ApplyResult;
import net.multihome.netlink.DumpInterruptedException;
import net.multihome.netlink.NetlinkException;
import net.multihome.netlink.codec.ErrorMessage;
import net.multihome.netlink.codec.MessageWriter;
import net.multihome.netlink.codec.NetlinkFlags;
import net.multihome.netlink.codec.NetlinkMessage;
import net.multihome.netlink.socket.Errno;
import net.multihome.netlink.socket.ErrnoException;
import net.multihome.netlink.socket.NetlinkSocket;

/**
 * Request/response over one socket: sequence numbers, batching into few {@code send()}s,
 * matching answers to requests, and dumps, for any netlink protocol. Not thread-safe; the handle
 * that owns it serialises calls.
 *
 * <p>Batches ask for an ACK only on the last message of each {@code send()}: the kernel
 * answers every failed message anyway, in order, so the last ACK proves all before it
 * were processed, and successful messages cost no reply at all.
 *
 * <table>
 *   <caption>Limits (per socket)</caption>
 *   <tr><th>limit</th><th>value</th><th>why</th></tr>
 *   <tr><td>bytes per {@code send()}</td><td>128 KiB</td><td>below the default {@code wmem_max}</td></tr>
 *   <tr><td>kernel receive queue</td><td>8 MiB (forced with CAP_NET_ADMIN)</td><td>room for the
 *       error replies of a whole send</td></tr>
 *   <tr><td>one received datagram</td><td>256 KiB</td><td>dump datagrams are at most 32 KiB</td></tr>
 *   <tr><td>wait for any reply</td><td>30 s</td><td>{@code SO_RCVTIMEO}; then {@code EAGAIN}</td></tr>
 *   <tr><td>datagrams per dump</td><td>2<sup>22</sup></td><td>bounds the read loop</td></tr>
 * </table>
 */
public final class Channel implements AutoCloseable {

    static final int SEND_BUFFER = 128 * 1024;
    public static final int RECEIVE_BUFFER = 256 * 1024;
    private static final int SEND_QUEUE = 1024 * 1024;
    private static final int RECEIVE_QUEUE = 8 * 1024 * 1024;
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);
    /** Upper bound on datagrams read for one dump (a full Internet table is ~1M routes). */
    private static final int MAX_DUMP_DATAGRAMS = 1 << 22;
    /** Datagrams from earlier, abandoned requests tolerated before giving up. */
    private static final int MAX_STALE_DATAGRAMS = 1 << 16;

    private final NetlinkSocket socket;
    private final MessageWriter writer = new MessageWriter(SEND_BUFFER);
    private int nextSeq = (int) (System.nanoTime() & 0x7fffffff);

    public Channel(NetlinkSocket socket) {
        this.socket = socket;
        try {
            socket.enableExtendedAck();
            socket.enableStrictChecking();
            socket.capAcknowledgements();
            socket.setSendQueueSize(SEND_QUEUE);
            socket.setReceiveQueueSize(RECEIVE_QUEUE);
            socket.setReceiveTimeout(REPLY_TIMEOUT);
        } catch (ErrnoException e) {
            socket.close();
            throw new NetlinkException(e.errno(), null, "socket setup: " + e.getMessage());
        }
    }

    /** Sends one request and waits for its ACK. */
    public void execute(Request request) {
        if (executeAll(List.of(request)).getFirst() instanceof ApplyResult.Failed failed) {
            throw new NetlinkException(failed, request.describe());
        }
    }

    /**
     * Sends all requests, as many per {@code send()} as fit {@link #SEND_BUFFER}, and returns
     * one result per request, in order.
     *
     * @throws NetlinkException when the socket itself fails (the outcome of the batch is then unknown)
     */
    public List<ApplyResult> executeAll(List<Request> requests) {
        ApplyResult[] results = new ApplyResult[requests.size()];
        Arrays.fill(results, ApplyResult.APPLIED);
        int done = 0;
        while (done < requests.size()) {
            done += sendChunk(requests, done, results);
        }
        return List.of(results);
    }

    private int sendChunk(List<Request> requests, int from, ApplyResult[] results) {
        writer.clear();
        int firstSeq = nextSeq;
        int count = 0;
        int lastStart = 0;
        while (from + count < requests.size()) {
            int mark = writer.position();
            try {
                requests.get(from + count).encode(writer, 0, nextSeq);
            } catch (BufferOverflowException e) {
                writer.truncate(mark);
                if (count == 0) {
                    throw new IllegalArgumentException("request larger than " + SEND_BUFFER + " bytes: "
                            + requests.get(from).describe(), e);
                }
                break;
            }
            lastStart = mark;
            nextSeq++;
            count++;
        }
        ByteBuffer buf = writer.buffer();
        buf.putShort(lastStart + 6, (short) (buf.getShort(lastStart + 6) | NetlinkFlags.ACK));
        int lastSeq = firstSeq + count - 1;
        try {
            socket.send(buf, writer.position());
            awaitAck(from, count, firstSeq, lastSeq, results);
        } catch (ErrnoException e) {
            throw new NetlinkException(e.errno(), null, requests.get(from).describe() + " (and "
                    + (count - 1) + " more in the same send): " + e.getMessage());
        }
        return count;
    }

    private void awaitAck(int from, int count, int firstSeq, int lastSeq, ApplyResult[] results) {
        int budget = count + MAX_STALE_DATAGRAMS;
        for (int datagrams = 0; datagrams < budget; datagrams++) {
            for (NetlinkMessage m : NetlinkMessage.split(socket.receive())) {
                if (!m.isError()) {
                    continue;
                }
                ErrorMessage e = ErrorMessage.decode(m);
                int index = e.requestSeq() - firstSeq;
                if (index < 0 || index >= count) {
                    continue;
                }
                if (!e.isAck()) {
                    results[from + index] = new ApplyResult.Failed(e.errno(), Optional.ofNullable(e.extAckMessage()));
                }
                if (e.requestSeq() == lastSeq) {
                    return;
                }
            }
        }
        throw new NetlinkException(Errno.EAGAIN, null,
                "no acknowledgement among " + budget + " datagrams");
    }

    /** Sends a dump request and decodes every answer; null decodes are skipped. */
    public <T> List<T> dump(Request request, Function<NetlinkMessage, T> decoder) {
        int seq = send(request);
        List<T> out = new ArrayList<>();
        boolean interrupted = false;
        try {
            for (int datagrams = 0; datagrams < MAX_DUMP_DATAGRAMS; datagrams++) {
                for (NetlinkMessage m : NetlinkMessage.split(socket.receive())) {
                    if (m.seq() != seq) {
                        continue;
                    }
                    interrupted |= m.has(NetlinkFlags.DUMP_INTR);
                    if (m.isError()) {
                        throw refusal(ErrorMessage.decode(m), request);
                    }
                    if (m.isDone()) {
                        ErrorMessage status = ErrorMessage.decodeDone(m);
                        if (!status.isAck()) {
                            throw refusal(status, request);
                        }
                        if (interrupted) {
                            throw new DumpInterruptedException(request.describe());
                        }
                        return out;
                    }
                    T value = decoder.apply(m);
                    if (value != null) {
                        out.add(value);
                    }
                }
            }
        } catch (ErrnoException e) {
            throw new NetlinkException(e.errno(), null, request.describe() + ": " + e.getMessage());
        }
        throw new NetlinkException(Errno.EMSGSIZE, null,
                request.describe() + ": more than " + MAX_DUMP_DATAGRAMS + " datagrams");
    }

    /** Sends a request that the kernel answers with one object; returns it decoded. */
    public <T> T get(Request request, Function<NetlinkMessage, T> decoder) {
        int seq = send(request);
        try {
            for (int datagrams = 0; datagrams < MAX_STALE_DATAGRAMS; datagrams++) {
                for (NetlinkMessage m : NetlinkMessage.split(socket.receive())) {
                    if (m.seq() != seq) {
                        continue;
                    }
                    if (m.isError()) {
                        throw refusal(ErrorMessage.decode(m), request);
                    }
                    return decoder.apply(m);
                }
            }
        } catch (ErrnoException e) {
            throw new NetlinkException(e.errno(), null, request.describe() + ": " + e.getMessage());
        }
        throw new NetlinkException(Errno.EAGAIN, null,
                request.describe() + ": no answer");
    }

    private int send(Request request) {
        int seq = nextSeq++;
        writer.clear();
        request.encode(writer, 0, seq);
        try {
            socket.send(writer.buffer(), writer.position());
        } catch (ErrnoException e) {
            throw new NetlinkException(e.errno(), null, request.describe() + ": " + e.getMessage());
        }
        return seq;
    }

    private static NetlinkException refusal(ErrorMessage e, Request request) {
        return new NetlinkException(e.errno(), e.extAckMessage(), request.describe());
    }

    @Override
    public void close() {
        socket.close();
    }
}
