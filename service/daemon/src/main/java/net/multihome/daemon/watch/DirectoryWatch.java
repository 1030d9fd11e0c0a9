package net.multihome.daemon.watch;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches directories with one inotify instance and one thread. Each directory has a callback
 * that runs on that thread after every batch of changes in it; the callback reads what it needs
 * and publishes it, so it must not block. A directory is made when missing and made again when
 * someone removes it (checked once a second), and its callback runs then too, since its content
 * is new.
 */
public final class DirectoryWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryWatch.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final WatchService service;
    private final Map<Path, Watched> watched = new ConcurrentHashMap<>();
    private final Thread thread;

    private DirectoryWatch(WatchService service, String name) {
        this.service = service;
        this.thread = Thread.ofPlatform().daemon().name(name).unstarted(this::run);
    }

    /** Starts the thread, named {@code name}; it waits until a directory is added. */
    public static DirectoryWatch start(String name) throws IOException {
        DirectoryWatch watch = new DirectoryWatch(FileSystems.getDefault().newWatchService(), name);
        watch.thread.start();
        return watch;
    }

    /**
     * Watches {@code directory}; {@code purpose} names it in the log (e.g. "DHCP leases").
     * Changes made before this call are not reported: read the directory once before adding it.
     */
    public void add(Path directory, String purpose, Runnable changed) {
        add(new Watched(directory, purpose, name -> true, changed, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE));
    }

    /**
     * As {@link #add(Path, String, Runnable)}, for files that are replaced by a rename and never
     * written in place: only a file whose name {@code names} accepts, created (renamed into
     * place) or removed, calls {@code changed}. Writes in place are not watched at all, so a
     * file appended to often beside them, such as a log, does not even wake the thread.
     */
    public void addReplaced(Path directory, String purpose, Predicate<Path> names, Runnable changed) {
        add(new Watched(directory, purpose, names, changed, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_DELETE));
    }

    private void add(Watched entry) {
        Path directory = entry.directory;
        if (watched.putIfAbsent(directory, entry) != null) {
            throw new IllegalStateException(directory + " is watched already");
        }
        entry.register(service);
    }

    private void run() {
        try {
            while (true) {
                WatchKey fired = service.poll(RETRY.toMillis(), TimeUnit.MILLISECONDS);
                if (fired != null) {
                    List<WatchEvent<?>> events = fired.pollEvents();
                    fired.reset();
                    Watched entry = watched.get((Path) fired.watchable());
                    if (entry != null && fired.isValid() && entry.concerned(events)) {
                        entry.changed();
                    }
                }
                for (Watched entry : watched.values()) {
                    if (!entry.valid() && entry.register(service)) {
                        entry.changed();
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }

    /** One directory; its key is replaced only on the watch thread after the first registration. */
    private static final class Watched {
        private final Path directory;
        private final String purpose;
        private final Predicate<Path> names;
        private final Runnable callback;
        private final WatchEvent.Kind<?>[] kinds;
        private volatile WatchKey key;
        private String problem;

        Watched(Path directory, String purpose, Predicate<Path> names, Runnable callback,
                WatchEvent.Kind<?>... kinds) {
            this.directory = directory;
            this.purpose = purpose;
            this.names = names;
            this.callback = callback;
            this.kinds = kinds;
        }

        boolean concerned(List<WatchEvent<?>> events) {
            for (WatchEvent<?> event : events) {
                if (event.kind() == StandardWatchEventKinds.OVERFLOW || !(event.context() instanceof Path name)
                        || names.test(name)) {
                    return true;
                }
            }
            return false;
        }

        boolean valid() {
            WatchKey current = key;
            return current != null && current.isValid();
        }

        /** @return whether the directory is watched now; a failure is logged once until it changes */
        synchronized boolean register(WatchService service) {
            try {
                Files.createDirectories(directory);
                key = directory.register(service, kinds);
                if (problem != null) {
                    LOG.info("{}: watching {} again", purpose, directory);
                    problem = null;
                }
                return true;
            } catch (IOException e) {
                if (!Objects.equals(problem, e.toString())) {
                    problem = e.toString();
                    LOG.warn("{}: cannot watch {}: {}; retrying every {} s", purpose, directory, problem,
                            RETRY.toSeconds());
                }
                return false;
            }
        }

        void changed() {
            try {
                callback.run();
            } catch (RuntimeException e) {
                LOG.warn("{}: handling a change in {} failed: {}", purpose, directory, e.toString(), e);
            }
        }
    }
}
