package net.multihome.core.health;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import net.multihome.core.config.HealthCheck;
import net.multihome.netlink.socket.Libc;

/**
 * Probes through libc sockets bound to the provider's interface ({@code SO_BINDTODEVICE}) and
 * source address, opened in the calling thread's network namespace; one socket per probe.
 *
 * <ul>
 * <li>ICMP: echo request over an unprivileged ping socket ({@code SOCK_DGRAM}, allowed by
 * {@code net.ipv4.ping_group_range}, where the kernel matches replies to the socket), else a
 * raw socket (needs {@code CAP_NET_RAW}; replies matched here by identifier, sequence and
 * source, and ICMP errors about the request are reported). IPv6 targets get ICMPv6 echo the
 * same way.
 * <li>TCP: non-blocking connect; an accepted or refused connection is an answer, the socket
 * is then reset rather than closed gracefully.
 * </ul>
 * Waiting is {@code poll()} against the deadline; the RTT is measured with {@code nanoTime}.
 */
public final class SocketProber implements Prober {

    private static final byte[] PAYLOAD = "multihome health".getBytes(StandardCharsets.US_ASCII);
    private static final int RECEIVE_BUFFER = 2048;

    private final LongSupplier nanoTime;
    private final AtomicInteger sequence = new AtomicInteger(ThreadLocalRandom.current().nextInt(0x10000));

    public SocketProber() {
        this(System::nanoTime);
    }

    SocketProber(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    @Override
    public ProbeResult probe(HealthCheck.Target target, ProbeBinding binding, Duration timeout) {
        try {
            return switch (target.method()) {
                case ICMP -> echo(target, binding, timeout);
                case TCP -> connect(target, binding, timeout);
            };
        } catch (SocketCallException e) {
            return ProbeResult.failed(target, e.getMessage());
        }
    }

    private ProbeResult echo(HealthCheck.Target target, ProbeBinding binding, Duration timeout)
            throws SocketCallException {
        InetAddress address = target.address();
        boolean ipv6 = address instanceof Inet6Address;
        int family = SocketAddresses.family(address);
        int protocol = ipv6 ? Libc.IPPROTO_ICMPV6 : Libc.IPPROTO_ICMP;
        boolean raw = false;
        ProbeSocket socket;
        try {
            socket = ProbeSocket.open(family, Libc.SOCK_DGRAM, protocol);
        } catch (SocketCallException e) {
            if (e.errno() != Libc.EACCES && e.errno() != Libc.EPERM) {
                throw e;
            }
            socket = ProbeSocket.open(family, Libc.SOCK_RAW, protocol);
            raw = true;
        }
        try (ProbeSocket s = socket) {
            if (raw) {
                s.onlyEchoRepliesAndErrors(ipv6);
            }
            s.bindTo(binding);
            int id = raw ? ThreadLocalRandom.current().nextInt(0x10000) : -1;
            int seq = sequence.getAndIncrement() & 0xffff;
            byte[] request = IcmpEcho.request(ipv6, Math.max(id, 0), seq, PAYLOAD);
            long start = nanoTime.getAsLong();
            long deadline = start + timeout.toNanos();
            s.sendTo(request, address);
            MemorySegment buffer = s.arena().allocate(RECEIVE_BUFFER);
            MemorySegment from = s.arena().allocate(SocketAddresses.IN6_SIZE, 4);
            for (long left = deadline - start; left > 0; left = deadline - nanoTime.getAsLong()) {
                if (!s.poll((short) Libc.POLLIN, millisAtLeastOne(left))) {
                    continue;
                }
                for (int n = s.receive(buffer, from); n >= 0; n = s.receive(buffer, from)) {
                    byte[] packet = buffer.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
                    InetAddress sender = SocketAddresses.decode(from);
                    if (address.equals(sender) && IcmpEcho.isReply(packet, n, ipv6, raw && !ipv6, id, seq)) {
                        return ProbeResult.answered(target, micros(nanoTime.getAsLong() - start));
                    }
                    String error = raw ? IcmpEcho.error(packet, n, ipv6, !ipv6, id, seq) : null;
                    if (error != null) {
                        return ProbeResult.failed(target, error + " from "
                                + (sender == null ? "?" : sender.getHostAddress()));
                    }
                }
            }
            return ProbeResult.failed(target, timedOut(timeout));
        }
    }

    private ProbeResult connect(HealthCheck.Target target, ProbeBinding binding, Duration timeout)
            throws SocketCallException {
        try (ProbeSocket s = ProbeSocket.open(SocketAddresses.family(target.address()), Libc.SOCK_STREAM, 0)) {
            s.bindTo(binding);
            s.lingerZero();
            long start = nanoTime.getAsLong();
            long deadline = start + timeout.toNanos();
            int errno = s.connect(target.address(), target.port());
            if (errno != Libc.EINPROGRESS) {
                return connected(target, errno, start);
            }
            for (long left = deadline - start; left > 0; left = deadline - nanoTime.getAsLong()) {
                if (s.poll((short) Libc.POLLOUT, millisAtLeastOne(left))) {
                    return connected(target, s.pendingError(), start);
                }
            }
            return ProbeResult.failed(target, timedOut(timeout));
        }
    }

    /** A connection that was accepted or refused got an answer from the target. */
    private ProbeResult connected(HealthCheck.Target target, int errno, long start) {
        if (errno == 0 || errno == Libc.ECONNREFUSED) {
            return ProbeResult.answered(target, micros(nanoTime.getAsLong() - start));
        }
        return ProbeResult.failed(target, "connect: " + SocketCallException.describe(errno));
    }

    private static int millisAtLeastOne(long nanos) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (nanos + 999_999) / 1_000_000));
    }

    private static long micros(long nanos) {
        return Math.max(1, nanos / 1000);
    }

    private static String timedOut(Duration timeout) {
        return "no answer within " + timeout.toMillis() + " ms";
    }
}
