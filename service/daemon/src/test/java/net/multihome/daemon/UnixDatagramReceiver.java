package net.multihome.daemon;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import net.multihome.netlink.socket.Libc;

/**
 * A bound AF_UNIX datagram socket standing in for systemd's notify socket: what the JDK cannot
 * open (its UNIX domain channels are stream-only), made through FFM like the notifier's own.
 */
final class UnixDatagramReceiver implements AutoCloseable {

    private final Arena arena = Arena.ofConfined();
    private final MemorySegment capture = arena.allocate(Libc.captureSize(), Libc.captureAlignment());
    private final int fd;

    /** Binds to {@code name}: a path, or '@' and an abstract name. */
    UnixDatagramReceiver(String name) throws IOException {
        try {
            fd = (int) Libc.SOCKET.invokeExact(capture, SystemdNotifier.AF_UNIX, Libc.SOCK_DGRAM | Libc.SOCK_CLOEXEC, 0);
            if (fd < 0) {
                throw new IOException("socket: errno " + Libc.errno(capture));
            }
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            MemorySegment address = arena.allocate(110);
            address.set(ValueLayout.JAVA_SHORT, 0, (short) SystemdNotifier.AF_UNIX);
            MemorySegment.copy(bytes, 0, address, ValueLayout.JAVA_BYTE, 2, bytes.length);
            int length = 2 + bytes.length + 1;
            if (bytes[0] == '@') {
                address.set(ValueLayout.JAVA_BYTE, 2, (byte) 0);
                length = 2 + bytes.length;
            }
            int rc = (int) Libc.BIND.invokeExact(capture, fd, address, length);
            if (rc < 0) {
                int errno = Libc.errno(capture);
                close();
                throw new IOException("bind(" + name + "): errno " + errno);
            }
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /** The next datagram, or null when none arrives within {@code timeout}. */
    String receive(Duration timeout) {
        try {
            MemorySegment pfd = arena.allocate(8, 4);
            pfd.set(ValueLayout.JAVA_INT, 0, fd);
            pfd.set(ValueLayout.JAVA_SHORT, 4, (short) Libc.POLLIN);
            int ready = (int) Libc.POLL.invokeExact(capture, pfd, 1L, (int) timeout.toMillis());
            if (ready <= 0) {
                return null;
            }
            MemorySegment buffer = arena.allocate(4096);
            long n = (long) Libc.RECV.invokeExact(capture, fd, buffer, buffer.byteSize(), 0);
            if (n < 0) {
                throw new IllegalStateException("recv: errno " + Libc.errno(capture));
            }
            return new String(buffer.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    @Override
    public void close() {
        try {
            int ignored = (int) Libc.CLOSE.invokeExact(capture, fd);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        } finally {
            arena.close();
        }
    }
}
