package net.multihome.daemon.memory;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import net.multihome.netlink.socket.Libc;

/** madvise(2) on this process's pages and posix_fadvise(2) on a file's cached pages. */
final class KernelAdvice {

    private KernelAdvice() {
    }

    /** 0, or the errno of a refusal. */
    static int madvise(long address, long length, int advice) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(Libc.captureSize(), Libc.captureAlignment());
            int result = (int) Libc.MADVISE.invokeExact(capture, MemorySegment.ofAddress(address), length, advice);
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
            int refused = (int) Libc.POSIX_FADVISE.invokeExact(capture, fd, offset, length, Libc.POSIX_FADV_DONTNEED);
            int closed = (int) Libc.CLOSE.invokeExact(capture, fd);
            return refused != 0 ? refused : closed == 0 ? 0 : Libc.errno(capture);
        } catch (Throwable t) {
            throw Libc.rethrow(t);
        }
    }
}
