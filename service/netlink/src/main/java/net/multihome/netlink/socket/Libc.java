package net.multihome.netlink.socket;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * Downcall handles for the libc calls multihome makes: netlink sockets here, the health probes'
 * ICMP and TCP sockets in the core (the JDK's sockets can neither open those nor bind to a
 * device), and the constants of the daemon's advice on its own pages (whose handles it makes
 * itself, after start-up). Every handle captures {@code errno} into a caller-supplied segment,
 * because anything the JVM does between the call and a later read could overwrite it.
 */
public final class Libc {

    public static final int AF_NETLINK = 16;
    public static final int SOCK_RAW = 3;
    public static final int SOCK_CLOEXEC = 0x80000;
    public static final int O_RDONLY = 0;
    public static final int O_CLOEXEC = 0x80000;
    public static final int CLONE_NEWNET = 0x40000000;
    public static final int SOL_SOCKET = 1;
    public static final int SO_SNDBUF = 7;
    public static final int SO_RCVBUF = 8;
    public static final int SO_RCVTIMEO = 20;
    public static final int SO_SNDBUFFORCE = 32;
    public static final int SO_RCVBUFFORCE = 33;
    public static final int SOL_NETLINK = 270;
    public static final int MSG_TRUNC = 0x20;
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;
    public static final int SOCK_STREAM = 1;
    public static final int SOCK_DGRAM = 2;
    public static final int SOCK_NONBLOCK = 0x800;
    public static final int IPPROTO_ICMP = 1;
    public static final int IPPROTO_ICMPV6 = 58;
    public static final int SOL_RAW = 255;
    public static final int ICMP_FILTER = 1;
    public static final int ICMP6_FILTER = 1;
    public static final int SO_ERROR = 4;
    public static final int SO_LINGER = 13;
    public static final int SO_DOMAIN = 39;
    public static final int SO_BINDTODEVICE = 25;
    public static final int POLLIN = 0x1;
    public static final int POLLOUT = 0x4;
    public static final int EPERM = 1;
    public static final int EINTR = 4;
    public static final int EAGAIN = 11;
    public static final int EACCES = 13;
    public static final int EINVAL = 22;
    public static final int ECONNREFUSED = 111;
    /** No read-ahead: a page faulted in again is read alone. */
    public static final int MADV_RANDOM = 1;
    /**
     * Reclaim the pages now (Linux 5.4). A file's pages only for the file's owner or a process that
     * may write it; for others the call succeeds and leaves them.
     */
    public static final int MADV_PAGEOUT = 21;
    public static final int POSIX_FADV_DONTNEED = 4;
    public static final int EINPROGRESS = 115;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE = Linker.Option.captureCallState("errno");

    public static final MethodHandle SOCKET = handle("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    public static final MethodHandle BIND = handle("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    public static final MethodHandle SETSOCKOPT = handle("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    public static final MethodHandle SENDTO = handle("sendto",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    public static final MethodHandle RECV = handle("recv", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    public static final MethodHandle CLOSE = handle("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    public static final MethodHandle CONNECT = handle("connect", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    public static final MethodHandle GETSOCKOPT = handle("getsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    public static final MethodHandle RECVFROM = handle("recvfrom",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS));
    public static final MethodHandle POLL = handle("poll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    public static final MethodHandle SETNS = handle("setns", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    // open(2) is variadic (mode); pass the mode as the one variadic argument.
    public static final MethodHandle OPEN = handle("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
            Linker.Option.firstVariadicArg(2));

    private Libc() {
    }

    /**
     * A downcall handle for libc's NAME that captures errno like those above. For calls made
     * outside start-up: each distinct signature costs FFM a few milliseconds and about ten
     * generated classes, so a handle the start does not need is better made where it is used.
     */
    @SuppressWarnings("restricted") // the module is run with --enable-native-access
    public static MethodHandle handle(String name, FunctionDescriptor descriptor, Linker.Option... more) {
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
        Linker.Option[] options = new Linker.Option[more.length + 1];
        options[0] = CAPTURE;
        System.arraycopy(more, 0, options, 1, more.length);
        return LINKER.downcallHandle(symbol, descriptor, options);
    }

    public static long captureSize() {
        return CAPTURE_LAYOUT.byteSize();
    }

    public static long captureAlignment() {
        return CAPTURE_LAYOUT.byteAlignment();
    }

    public static int errno(MemorySegment capture) {
        return (int) ERRNO.get(capture, 0L);
    }

    /** Wraps what a downcall threw; downcalls themselves only fail on linkage bugs. */
    public static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
