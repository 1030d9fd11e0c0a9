package net.multihome.netlink.socket;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Runs a file-descriptor-creating action inside another network namespace. {@code setns}
 * switches only the calling thread, so the switch happens on a dedicated platform thread
 * that switches back (or dies) afterwards; no pooled or virtual-thread carrier ever ends up
 * in a foreign namespace.
 */
public final class NamespaceSwitch {

    private static final String OWN_NAMESPACE = "/proc/thread-self/ns/net";

    private NamespaceSwitch() {
    }

    /**
     * Runs {@code action} on a platform thread switched into {@code netnsPath}, for libraries
     * that open their netlink sockets themselves (libnftables), and returns its result.
     */
    public static <T> T supply(Path netnsPath, Supplier<T> action) {
        AtomicReference<T> value = new AtomicReference<>();
        // No descriptor to hand back: -1 is what a failed switch back may close, harmlessly.
        inNamespace(netnsPath, () -> {
            value.set(action.get());
            return -1;
        });
        return value.get();
    }

    static int inNamespace(Path netnsPath, IntSupplier action) {
        AtomicReference<Integer> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = Thread.ofPlatform().name("netns-switch").daemon().unstarted(() -> {
            try {
                result.set(switchAndRun(netnsPath, action));
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening a socket in " + netnsPath, e);
        }
        if (failure.get() != null) {
            throw Libc.rethrow(failure.get());
        }
        return result.get();
    }

    private static int switchAndRun(Path netnsPath, IntSupplier action) throws Throwable {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment capture = a.allocate(Libc.captureSize(), Libc.captureAlignment());
            int own = open(a, capture, OWN_NAMESPACE);
            try {
                int target = open(a, capture, netnsPath.toString());
                try {
                    setns(capture, target, netnsPath.toString());
                } finally {
                    close(capture, target);
                }
                int fd;
                try {
                    fd = action.getAsInt();
                } catch (RuntimeException | Error e) {
                    setns(capture, own, OWN_NAMESPACE);
                    throw e;
                }
                try {
                    setns(capture, own, OWN_NAMESPACE);
                } catch (Throwable t) {
                    close(capture, fd);
                    throw t;
                }
                return fd;
            } finally {
                close(capture, own);
            }
        }
    }

    private static int open(Arena a, MemorySegment capture, String path) throws Throwable {
        int fd = (int) Libc.OPEN.invokeExact(capture, a.allocateFrom(path), Libc.O_RDONLY | Libc.O_CLOEXEC, 0);
        if (fd < 0) {
            throw new ErrnoException("open(" + path + ")", Libc.errno(capture));
        }
        return fd;
    }

    private static void setns(MemorySegment capture, int fd, String what) throws Throwable {
        int rc = (int) Libc.SETNS.invokeExact(capture, fd, Libc.CLONE_NEWNET);
        if (rc < 0) {
            throw new ErrnoException("setns(" + what + ")", Libc.errno(capture));
        }
    }

    private static void close(MemorySegment capture, int fd) throws Throwable {
        int rc = (int) Libc.CLOSE.invokeExact(capture, fd);
        if (rc < 0) {
            throw new ErrnoException("close", Libc.errno(capture));
        }
    }
}
