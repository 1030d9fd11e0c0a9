package net.multihome.daemon.memory;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import net.multihome.netlink.socket.Libc;

/**
 * madvise(2) on this process's pages and posix_fadvise(2) on a file's cached pages. Their handles
 * are made here, when the daemon first gives pages back (once ready), not at start-up with Libc's.
 */
final class KernelAdvice {

    private static final MethodHandle MADVISE = Libc.handle("madvise",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    // posix_fadvise returns its error number instead of setting errno.
    private static final MethodHandle POSIX_FADVISE = Libc.handle("posix_fadvise",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT));

    private KernelAdvice() {
    }

    /** 0, or the errno of a refusal. */
    static int madvise(long address, long length, int advice) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(Libc.captureSize(), Libc.captureAlignment());
            int result = (int) MADVISE.invokeExact(capture, MemorySegment.ofAddress(address), length, advice);
            return result == 0 ? 0 : Libc.errno(capture);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }

    /**
     * Drops FILE's cached pages in the range that no process maps (read ahead, never touched):
     * otherwise a later fault maps those around it too. 0, or the error number of a refusal.
     */
    static int dropCached(Path file, long offset, long length) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(Libc.captureSize(), Libc.captureAlignment());
            int fd = (int) Libc.OPEN.invokeExact(capture, arena.allocateFrom(file.toString()),
                    Libc.O_RDONLY | Libc.O_CLOEXEC, 0);
            if (fd < 0) {
                return Libc.errno(capture);
            }
            int refused = (int) POSIX_FADVISE.invokeExact(capture, fd, offset, length, Libc.POSIX_FADV_DONTNEED);
            int closed = (int) Libc.CLOSE.invokeExact(capture, fd);
            return refused != 0 ? refused : closed == 0 ? 0 : Libc.errno(capture);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }
}
