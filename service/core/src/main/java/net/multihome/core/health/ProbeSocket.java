package net.multihome.core.health;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import net.multihome.netlink.socket.Libc;

/**
 * One non-blocking socket of one probe, opened in the calling thread's network namespace,
 * with the few calls a probe makes. Used by one thread and closed when the probe ends.
 */
final class ProbeSocket implements AutoCloseable {

    private final Arena arena = Arena.ofConfined();
    private final MemorySegment capture = arena.allocate(Libc.captureSize(), Libc.captureAlignment());
    private final int family;
    private int fd = -1;

    private ProbeSocket(int family) {
        this.family = family;
    }

    /** {@code socket(family, type | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol)}. */
    static ProbeSocket open(int family, int type, int protocol) throws SocketCallException {
        ProbeSocket s = new ProbeSocket(family);
        try {
            int fd = (int) Libc.SOCKET.invokeExact(s.capture, family, type | Libc.SOCK_NONBLOCK | Libc.SOCK_CLOEXEC,
                    protocol);
            if (fd < 0) {
                throw new SocketCallException("socket", Libc.errno(s.capture));
            }
            s.fd = fd;
            return s;
        } catch (SocketCallException e) {
            s.close();
            throw e;
        } catch (Throwable t) {
            s.close();
            throw Libc.rethrow(t);
        }
    }

    /**
     * Binds to the uplink's interface and, when known, its address, so that packets can only
     * leave (and answers only count when they arrive) through that interface.
     */
    void bindTo(ProbeBinding binding) throws SocketCallException {
        byte[] name = binding.interfaceName().getBytes(StandardCharsets.US_ASCII);
        MemorySegment value = arena.allocate(name.length + 1);
        MemorySegment.copy(name, 0, value, ValueLayout.JAVA_BYTE, 0, name.length);
        setOption(Libc.SOL_SOCKET, Libc.SO_BINDTODEVICE, value, "setsockopt(SO_BINDTODEVICE, "
                + binding.interfaceName() + ")");
        InetAddress source = binding.source(family == Libc.AF_INET6);
        if (source != null) {
            MemorySegment sa = SocketAddresses.encode(arena, source, 0);
            int rc = call(() -> (int) Libc.BIND.invokeExact(capture, fd, sa, (int) sa.byteSize()));
            check(rc, "bind(" + source.getHostAddress() + ")");
        }
    }

    /**
     * Makes a raw ICMP socket pass only echo replies and the errors a router may send about a
     * request: it otherwise gets a copy of every ICMP message arriving on the interface. A set
     * bit blocks that type, in both kernel filters.
     */
    void onlyEchoRepliesAndErrors(boolean ipv6) throws SocketCallException {
        if (ipv6) {
            MemorySegment filter = arena.allocate(ValueLayout.JAVA_INT, 8);
            for (int i = 0; i < 8; i++) {
                filter.setAtIndex(ValueLayout.JAVA_INT, i, -1);
            }
            for (int pass : new int[] {IcmpEcho.ECHO_REPLY_V6, IcmpEcho.UNREACHABLE_V6, IcmpEcho.TIME_EXCEEDED_V6}) {
                int word = filter.getAtIndex(ValueLayout.JAVA_INT, pass >> 5);
                filter.setAtIndex(ValueLayout.JAVA_INT, pass >> 5, word & ~(1 << (pass & 31)));
            }
            setOption(Libc.IPPROTO_ICMPV6, Libc.ICMP6_FILTER, filter, "setsockopt(ICMP6_FILTER)");
        } else {
            MemorySegment filter = arena.allocate(ValueLayout.JAVA_INT);
            filter.set(ValueLayout.JAVA_INT, 0, ~((1 << IcmpEcho.ECHO_REPLY_V4) | (1 << IcmpEcho.UNREACHABLE_V4)
                    | (1 << IcmpEcho.TIME_EXCEEDED_V4)));
            setOption(Libc.SOL_RAW, Libc.ICMP_FILTER, filter, "setsockopt(ICMP_FILTER)");
        }
    }

    /** Resets the connection on close instead of leaving it in TIME_WAIT (a probe every interval). */
    void lingerZero() throws SocketCallException {
        MemorySegment linger = arena.allocate(ValueLayout.JAVA_INT, 2);
        linger.setAtIndex(ValueLayout.JAVA_INT, 0, 1);
        setOption(Libc.SOL_SOCKET, Libc.SO_LINGER, linger, "setsockopt(SO_LINGER)");
    }

    /** Starts a connection; returns 0 when done at once, else the errno (EINPROGRESS when pending). */
    int connect(InetAddress address, int port) {
        MemorySegment sa = SocketAddresses.encode(arena, address, port);
        int rc = call(() -> (int) Libc.CONNECT.invokeExact(capture, fd, sa, (int) sa.byteSize()));
        return rc == 0 ? 0 : Libc.errno(capture);
    }

    void sendTo(byte[] packet, InetAddress address) throws SocketCallException {
        MemorySegment data = arena.allocateFrom(ValueLayout.JAVA_BYTE, packet);
        MemorySegment sa = SocketAddresses.encode(arena, address, 0);
        long n = callLong(() -> (long) Libc.SENDTO.invokeExact(capture, fd, data, (long) packet.length, 0, sa,
                (int) sa.byteSize()));
        if (n < 0) {
            throw new SocketCallException("sendto", Libc.errno(capture));
        }
    }

    /**
     * Waits up to {@code timeoutMillis} for {@code events}; returns false on timeout. An
     * interrupted wait counts as a timeout, the caller re-checks its deadline.
     */
    boolean poll(short events, int timeoutMillis) throws SocketCallException {
        MemorySegment pfd = arena.allocate(8, 4);
        pfd.set(ValueLayout.JAVA_INT, 0, fd);
        pfd.set(ValueLayout.JAVA_SHORT, 4, events);
        int rc = call(() -> (int) Libc.POLL.invokeExact(capture, pfd, 1L, timeoutMillis));
        if (rc < 0) {
            int errno = Libc.errno(capture);
            if (errno == Libc.EINTR) {
                return false;
            }
            throw new SocketCallException("poll", errno);
        }
        return rc > 0;
    }

    /** Receives one datagram into {@code buffer}; returns its length, or -1 when none is waiting. */
    int receive(MemorySegment buffer, MemorySegment from) throws SocketCallException {
        MemorySegment fromLength = arena.allocate(ValueLayout.JAVA_INT);
        fromLength.set(ValueLayout.JAVA_INT, 0, (int) from.byteSize());
        long n = callLong(() -> (long) Libc.RECVFROM.invokeExact(capture, fd, buffer, buffer.byteSize(), 0, from,
                fromLength));
        if (n < 0) {
            int errno = Libc.errno(capture);
            if (errno == Libc.EAGAIN || errno == Libc.EINTR) {
                return -1;
            }
            throw new SocketCallException("recvfrom", errno);
        }
        return (int) n;
    }

    /** The pending error of the socket ({@code SO_ERROR}), 0 when none. */
    int pendingError() throws SocketCallException {
        MemorySegment value = arena.allocate(ValueLayout.JAVA_INT);
        MemorySegment length = arena.allocate(ValueLayout.JAVA_INT);
        length.set(ValueLayout.JAVA_INT, 0, 4);
        int rc = call(() -> (int) Libc.GETSOCKOPT.invokeExact(capture, fd, Libc.SOL_SOCKET, Libc.SO_ERROR, value,
                length));
        check(rc, "getsockopt(SO_ERROR)");
        return value.get(ValueLayout.JAVA_INT, 0);
    }

    Arena arena() {
        return arena;
    }

    @Override
    public void close() {
        if (fd >= 0) {
            int closing = fd;
            fd = -1;
            call(() -> (int) Libc.CLOSE.invokeExact(capture, closing));
        }
        arena.close();
    }

    private void setOption(int level, int option, MemorySegment value, String what) throws SocketCallException {
        int rc = call(() -> (int) Libc.SETSOCKOPT.invokeExact(capture, fd, level, option, value,
                (int) value.byteSize()));
        check(rc, what);
    }

    private void check(int rc, String what) throws SocketCallException {
        if (rc < 0) {
            throw new SocketCallException(what, Libc.errno(capture));
        }
    }

    @FunctionalInterface
    private interface IntCall {
        int invoke() throws Throwable;
    }

    @FunctionalInterface
    private interface LongCall {
        long invoke() throws Throwable;
    }

    private static int call(IntCall c) {
        try {
            return c.invoke();
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private static long callLong(LongCall c) {
        try {
            return c.invoke();
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }
}
