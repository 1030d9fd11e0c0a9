package net.multihome.testing;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;

/**
 * Platform threads that live in another network namespace. {@code setns} moves only the
 * calling thread, so each task runs on a fresh thread that enters the namespace first and is
 * never returned to a pool.
 */
public final class NamespaceThreads {

    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;
    private static final int CLONE_NEWNET = 0x40000000;
    private static final MethodHandle OPEN;
    private static final MethodHandle SETNS;
    private static final MethodHandle CLOSE;

    static {
        OPEN = handle("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
                Linker.Option.firstVariadicArg(2));
        SETNS = handle("setns", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
        CLOSE = handle("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    }

    @SuppressWarnings("restricted") // tests run with --enable-native-access
    private static MethodHandle handle(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        Linker linker = Linker.nativeLinker();
        return linker.downcallHandle(linker.defaultLookup().find(name).orElseThrow(), descriptor, options);
    }

    private NamespaceThreads() {
    }

    /** Runs {@code task} on a new platform thread inside the namespace and returns its result. */
    public static <T> T call(Namespace ns, Callable<T> task) throws Exception {
        FutureTask<T> future = new FutureTask<>(() -> {
            enter(ns.path());
            return task.call();
        });
        Thread t = Thread.ofPlatform().name("in-" + ns.name()).daemon().start(future);
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } finally {
            t.join();
        }
    }

    /** A factory of platform threads that enter the namespace before running their task. */
    public static ThreadFactory factory(Namespace ns) {
        return r -> Thread.ofPlatform().name("probe-in-" + ns.name()).daemon().unstarted(() -> {
            enter(ns.path());
            r.run();
        });
    }

    private static void enter(Path netns) {
        try (Arena arena = Arena.ofConfined()) {
            int fd = (int) OPEN.invokeExact(arena.allocateFrom(netns.toString()), O_RDONLY | O_CLOEXEC, 0);
            if (fd < 0) {
                throw new IllegalStateException("open " + netns + " failed");
            }
            try {
                if ((int) SETNS.invokeExact(fd, CLONE_NEWNET) != 0) {
                    throw new IllegalStateException("setns " + netns + " failed");
                }
            } finally {
                if ((int) CLOSE.invokeExact(fd) != 0) {
                    throw new IllegalStateException("close " + netns + " failed");
                }
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
