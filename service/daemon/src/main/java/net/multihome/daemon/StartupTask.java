package net.multihome.daemon;

/**
 * A piece of start-up work on a thread of its own, so that it uses the second CPU while the
 * main thread goes on; {@link #await()} before anything that depends on it. The thread is a
 * daemon thread: a start that fails elsewhere does not wait for it.
 */
final class StartupTask {

    private final Thread thread;
    private volatile RuntimeException failure;

    private StartupTask(String name, Runnable work) {
        thread = Thread.ofPlatform().name(name).daemon().unstarted(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                failure = e;
            }
        });
    }

    static StartupTask start(String name, Runnable work) {
        StartupTask task = new StartupTask(name, work);
        task.thread.start();
        return task;
    }

    /**
     * Waits for the work to end and throws what it threw. Interrupted, it returns at once with
     * the interrupt flag set: the work then goes on beside the caller.
     */
    void await() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        RuntimeException e = failure;
        if (e != null) {
            throw e;
        }
    }
}
