package net.multihome.testing;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names no other test run on this machine uses at the same time: a prefix, this JVM's pid and
 * a counter, so parallel builds (other worktrees, other forks) never collide.
 */
public final class UniqueNames {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private UniqueNames() {
    }

    /** {@code prefix-<pid>-<n>}, e.g. {@code mht-4711-3}. */
    public static String next(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
    }
}
