package net.multihome.netlink.socket;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.OptionalInt;

/** The address family of an open socket ({@code SO_DOMAIN}), which Java's channels do not tell. */
public final class SocketDomain {

    private SocketDomain() {
    }

    /** {@link Libc#AF_INET}, {@link Libc#AF_INET6}, ...; empty when {@code fd} is no socket. */
    public static OptionalInt of(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(Libc.captureSize(), Libc.captureAlignment());
            MemorySegment value = arena.allocate(ValueLayout.JAVA_INT);
            MemorySegment length = arena.allocate(ValueLayout.JAVA_INT);
            length.set(ValueLayout.JAVA_INT, 0, 4);
            int rc = (int) Libc.GETSOCKOPT.invokeExact(capture, fd, Libc.SOL_SOCKET, Libc.SO_DOMAIN, value, length);
            return rc == 0 ? OptionalInt.of(value.get(ValueLayout.JAVA_INT, 0)) : OptionalInt.empty();
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }
}
