package net.multihome.daemon;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.multihome.netlink.socket.Libc;

/**
 * sd_notify(3) without libsystemd: each message is one datagram to the AF_UNIX socket named by
 * {@code $NOTIFY_SOCKET} (a leading '@' names the abstract namespace). The JDK's UNIX domain
 * channels are stream-only, so the datagram socket is made through FFM. Without
 * {@code $NOTIFY_SOCKET} (not started by systemd as Type=notify) it sends nothing.
 */
final class SystemdNotifier implements AutoCloseable {

    static final int AF_UNIX = 1;
    private static final int MSG_NOSIGNAL = 0x4000;
    /** sizeof(struct sockaddr_un): a 2-byte family, then sun_path. */
    private static final int SOCKADDR_UN_SIZE = 110;
    private static final int PATH_OFFSET = 2;

    private static final SystemdNotifier NONE = new SystemdNotifier(null, "");

    private final Arena arena;
    private final String socketName;
    private MemorySegment address;
    private int addressLength;
    private int fd = -1;

    private SystemdNotifier(Arena arena, String socketName) {
        this.arena = arena;
        this.socketName = socketName;
    }

    /** The notifier systemd asked for in {@code environment}, or one that sends nothing. */
    static SystemdNotifier fromEnvironment(Map<String, String> environment) {
        String name = environment.get("NOTIFY_SOCKET");
        return name == null || name.isEmpty() ? NONE : to(name);
    }

    /**
     * A notifier for the socket {@code name}: a path, or '@' and an abstract name.
     *
     * @throws IllegalArgumentException when the name does not fit a sockaddr_un
     */
    static SystemdNotifier to(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        boolean isAbstract = bytes.length > 0 && bytes[0] == '@';
        // A path needs room for its terminating NUL; an abstract name has none.
        if (bytes.length == 0 || bytes.length > SOCKADDR_UN_SIZE - PATH_OFFSET - (isAbstract ? 0 : 1)) {
            throw new IllegalArgumentException("NOTIFY_SOCKET is longer than a sockaddr_un holds: " + name);
        }
        SystemdNotifier notifier = new SystemdNotifier(Arena.ofShared(), name);
        notifier.address = notifier.arena.allocate(SOCKADDR_UN_SIZE);
        notifier.address.set(ValueLayout.JAVA_SHORT, 0, (short) AF_UNIX);
        MemorySegment.copy(bytes, 0, notifier.address, ValueLayout.JAVA_BYTE, PATH_OFFSET, bytes.length);
        if (isAbstract) {
            notifier.address.set(ValueLayout.JAVA_BYTE, PATH_OFFSET, (byte) 0);
            notifier.addressLength = PATH_OFFSET + bytes.length;
        } else {
            notifier.addressLength = PATH_OFFSET + bytes.length + 1;
        }
        return notifier;
    }

    /** Whether messages go anywhere. */
    boolean enabled() {
        return arena != null;
    }

    /**
     * Sends {@code state}, newline-separated assignments such as {@code READY=1}. Returns
     * whether the datagram was sent; a failure is returned, not thrown, because a lost
     * notification must not stop the daemon (systemd notices a missing READY or WATCHDOG itself).
     */
    synchronized boolean send(String state) {
        if (!enabled() || !arena.scope().isAlive()) {
            return false;
        }
        // Per-call memory: the shared arena holds only the address, or a heartbeat would grow it.
        try (Arena call = Arena.ofConfined()) {
            MemorySegment capture = call.allocate(Libc.captureSize(), Libc.captureAlignment());
            if (fd < 0) {
                fd = (int) Libc.SOCKET.invokeExact(capture, AF_UNIX, Libc.SOCK_DGRAM | Libc.SOCK_CLOEXEC, 0);
                if (fd < 0) {
                    return false;
                }
            }
            byte[] bytes = state.getBytes(StandardCharsets.UTF_8);
            MemorySegment data = call.allocateFrom(ValueLayout.JAVA_BYTE, bytes);
            long sent = (long) Libc.SENDTO.invokeExact(capture, fd, data, (long) bytes.length, MSG_NOSIGNAL, address,
                    addressLength);
            return sent == bytes.length;
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    @Override
    public String toString() {
        return enabled() ? "notify socket " + socketName : "no notify socket";
    }

    @Override
    public synchronized void close() {
        if (!enabled() || !arena.scope().isAlive()) {
            return;
        }
        if (fd >= 0) {
            try (Arena call = Arena.ofConfined()) {
                MemorySegment capture = call.allocate(Libc.captureSize(), Libc.captureAlignment());
                int ignored = (int) Libc.CLOSE.invokeExact(capture, fd);
            } catch (Throwable t) {
                throw Libc.rethrow(t);
            }
            fd = -1;
        }
        arena.close();
    }
}
