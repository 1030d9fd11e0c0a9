package net.multihome.netlink.socket;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A bound {@code AF_NETLINK} socket. One thread uses it at a time; {@link #close()} must not
 * race with a call in progress (the receive buffer is freed with the socket).
 */
public final class NetlinkSocket implements AutoCloseable {

    /** {@code NETLINK_ROUTE}. */
    public static final int NETLINK_ROUTE = 0;
    /** {@code NETLINK_NETFILTER}: nfnetlink, which carries ctnetlink. */
    public static final int NETLINK_NETFILTER = 12;

    private static final int NETLINK_ADD_MEMBERSHIP = 1;
    private static final int NETLINK_CAP_ACK = 10;
    private static final int NETLINK_EXT_ACK = 11;
    private static final int NETLINK_GET_STRICT_CHK = 12;
    private static final int SOCKADDR_NL_SIZE = 12;
    private static final int EINTR_RETRIES = 100;

    private final int fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment capture;
    private final MemorySegment kernelAddress;
    private final MemorySegment scratch;
    private final MemorySegment receiveBuffer;
    private boolean closed;

    private NetlinkSocket(int fd, int receiveBufferSize) {
        this.fd = fd;
        try {
            capture = arena.allocate(Libc.captureSize(), Libc.captureAlignment());
            kernelAddress = arena.allocate(SOCKADDR_NL_SIZE, 4);
            kernelAddress.set(JAVA_SHORT, 0, (short) Libc.AF_NETLINK);
            scratch = arena.allocate(16, 8);
            receiveBuffer = arena.allocate(receiveBufferSize, 8);
            bind();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Opens a socket in the caller's network namespace.
     *
     * @param receiveBufferSize bytes for one received datagram (dumps send up to 32 KiB per datagram)
     */
    public static NetlinkSocket open(int protocol, int receiveBufferSize) {
        return new NetlinkSocket(createSocket(protocol), receiveBufferSize);
    }

    /**
     * Opens a socket inside the network namespace named by {@code netnsPath} (for example
     * {@code /run/netns/wan}). The socket stays in that namespace for its whole life.
     */
    public static NetlinkSocket open(Path netnsPath, int protocol, int receiveBufferSize) {
        Objects.requireNonNull(netnsPath, "netnsPath");
        int fd = NamespaceSwitch.inNamespace(netnsPath, () -> createSocket(protocol));
        return new NetlinkSocket(fd, receiveBufferSize);
    }

    static int createSocket(int protocol) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cap = a.allocate(Libc.captureSize(), Libc.captureAlignment());
            int fd = (int) Libc.SOCKET.invokeExact(cap, Libc.AF_NETLINK, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, protocol);
            if (fd < 0) {
                throw new ErrnoException("socket", Libc.errno(cap));
            }
            return fd;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private void bind() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment local = a.allocate(SOCKADDR_NL_SIZE, 4);
            local.set(JAVA_SHORT, 0, (short) Libc.AF_NETLINK);
            int rc = (int) Libc.BIND.invokeExact(capture, fd, local, SOCKADDR_NL_SIZE);
            check(rc, "bind");
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** {@code NETLINK_EXT_ACK}: errors carry the kernel's explanation. */
    public void enableExtendedAck() {
        setIntOption(Libc.SOL_NETLINK, NETLINK_EXT_ACK, 1, "NETLINK_EXT_ACK");
    }

    /** {@code NETLINK_GET_STRICT_CHK}: dump requests are validated and filtered in the kernel. */
    public void enableStrictChecking() {
        setIntOption(Libc.SOL_NETLINK, NETLINK_GET_STRICT_CHK, 1, "NETLINK_GET_STRICT_CHK");
    }

    /** {@code NETLINK_CAP_ACK}: an error echoes only the request's header, not its body. */
    public void capAcknowledgements() {
        setIntOption(Libc.SOL_NETLINK, NETLINK_CAP_ACK, 1, "NETLINK_CAP_ACK");
    }

    /** Joins a multicast group such as {@code RTNLGRP_NEXTHOP} (32, beyond the bind mask). */
    public void joinGroup(int group) {
        setIntOption(Libc.SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, group, "NETLINK_ADD_MEMBERSHIP");
    }

    /** Kernel receive queue size; tries {@code SO_RCVBUFFORCE} (needs CAP_NET_ADMIN) before {@code SO_RCVBUF}. */
    public void setReceiveQueueSize(int bytes) {
        try {
            setIntOption(Libc.SOL_SOCKET, Libc.SO_RCVBUFFORCE, bytes, "SO_RCVBUFFORCE");
        } catch (ErrnoException e) {
            setIntOption(Libc.SOL_SOCKET, Libc.SO_RCVBUF, bytes, "SO_RCVBUF");
        }
    }

    /** Kernel send buffer size, which bounds the largest single {@link #send}. */
    public void setSendQueueSize(int bytes) {
        try {
            setIntOption(Libc.SOL_SOCKET, Libc.SO_SNDBUFFORCE, bytes, "SO_SNDBUFFORCE");
        } catch (ErrnoException e) {
            setIntOption(Libc.SOL_SOCKET, Libc.SO_SNDBUF, bytes, "SO_SNDBUF");
        }
    }

    /** After this long without data, {@link #receive()} fails with {@code EAGAIN}. */
    public void setReceiveTimeout(Duration timeout) {
        scratch.set(JAVA_LONG, 0, timeout.toSeconds());
        scratch.set(JAVA_LONG, 8, timeout.toMillisPart() * 1000L);
        setOption(Libc.SOL_SOCKET, Libc.SO_RCVTIMEO, 16, "SO_RCVTIMEO");
    }

    private void setIntOption(int level, int name, int value, String what) {
        scratch.set(JAVA_INT, 0, value);
        setOption(level, name, 4, what);
    }

    private void setOption(int level, int name, int length, String what) {
        ensureOpen();
        try {
            int rc = (int) Libc.SETSOCKOPT.invokeExact(capture, fd, level, name, scratch, length);
            check(rc, "setsockopt(" + what + ")");
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** Sends bytes {@code 0..length} of a direct buffer to the kernel as one datagram. */
    public void send(ByteBuffer direct, int length) {
        ensureOpen();
        if (!direct.isDirect()) {
            throw new IllegalArgumentException("send needs a direct buffer");
        }
        MemorySegment data = MemorySegment.ofBuffer(direct.duplicate().clear());
        try {
            for (int attempt = 0; ; attempt++) {
                long n = (long) Libc.SENDTO.invokeExact(capture, fd, data, (long) length, 0, kernelAddress,
                        SOCKADDR_NL_SIZE);
                if (n >= 0) {
                    return;
                }
                int errno = Libc.errno(capture);
                if (errno != Errno.EINTR || attempt >= EINTR_RETRIES) {
                    throw new ErrnoException("sendto", errno);
                }
            }
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /**
     * Receives one datagram. The returned little-endian buffer is a view of this socket's
     * receive buffer and is valid until the next call.
     *
     * @throws ErrnoException {@code EAGAIN} on timeout, {@code ENOBUFS} when the kernel dropped messages
     */
    public ByteBuffer receive() {
        ensureOpen();
        try {
            for (int attempt = 0; ; attempt++) {
                long n = (long) Libc.RECV.invokeExact(capture, fd, receiveBuffer, receiveBuffer.byteSize(),
                        Libc.MSG_TRUNC);
                if (n >= 0) {
                    if (n > receiveBuffer.byteSize()) {
                        throw new ErrnoException("recv (datagram of " + n + " bytes truncated)", Errno.EMSGSIZE);
                    }
                    return receiveBuffer.asSlice(0, n).asByteBuffer().order(ByteOrder.nativeOrder());
                }
                int errno = Libc.errno(capture);
                if (errno != Errno.EINTR || attempt >= EINTR_RETRIES) {
                    throw new ErrnoException("recv", errno);
                }
            }
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    private void check(int rc, String call) {
        if (rc < 0) {
            throw new ErrnoException(call, Libc.errno(capture));
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("netlink socket is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            int rc = (int) Libc.CLOSE.invokeExact(capture, fd);
            if (rc < 0) {
                throw new ErrnoException("close", Libc.errno(capture));
            }
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        } finally {
            arena.close();
        }
    }
}
