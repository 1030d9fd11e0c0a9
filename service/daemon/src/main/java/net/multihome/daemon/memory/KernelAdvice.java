package net.multihome.daemon.memory;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;

/** madvise(2) on this process's pages and posix_fadvise(2) on a file's cached pages, through FFM. */
final class KernelAdvice {

    /** No read-ahead: a page faulted in again is read alone. */
    static final int MADV_RANDOM = 1;
    /**
     * Reclaim the pages now (Linux 5.4). A file's pages only for the file's owner or a process that
     * may write it; for others the call succeeds and leaves them.
     */
    static final int MADV_PAGEOUT = 21;
    static final int EINVAL = 22;
    private static final int POSIX_FADV_DONTNEED = 4;
    private static final int O_RDONLY_CLOEXEC = 0x80000;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle MADVISE =
            handle("madvise", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT), true);
    private static final MethodHandle OPEN = handle("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), true);
    // posix_fadvise returns its error number instead of setting errno.
    private static final MethodHandle FADVISE =
            handle("posix_fadvise", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT), false);
    private static final MethodHandle CLOSE = handle("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT), false);

    private KernelAdvice() {
    }

    @SuppressWarnings("restricted") // the module is run with --enable-native-access
    private static MethodHandle handle(String name, FunctionDescriptor descriptor, boolean errno) {
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
        return errno ? LINKER.downcallHandle(symbol, descriptor, Linker.Option.captureCallState("errno"))
                : LINKER.downcallHandle(symbol, descriptor);
    }

    /** 0, or the errno of a refusal. */
    static int madvise(long address, long length, int advice) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE_LAYOUT);
            int result = (int) MADVISE.invokeExact(capture, MemorySegment.ofAddress(address), length, advice);
            return result == 0 ? 0 : (int) ERRNO.get(capture, 0L);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Drops FILE's cached pages in the range that no process maps (read ahead, never touched):
     * otherwise a later fault maps those around it too. 0, or the error number of a refusal.
     */
    static int dropCached(Path file, long offset, long length) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE_LAYOUT);
            int fd = (int) OPEN.invokeExact(capture, arena.allocateFrom(file.toString()), O_RDONLY_CLOEXEC);
            if (fd < 0) {
                return (int) ERRNO.get(capture, 0L);
            }
            int refused = (int) FADVISE.invokeExact(fd, offset, length, POSIX_FADV_DONTNEED);
            int closed = (int) CLOSE.invokeExact(fd);
            return refused != 0 ? refused : closed;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        return t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }
}
