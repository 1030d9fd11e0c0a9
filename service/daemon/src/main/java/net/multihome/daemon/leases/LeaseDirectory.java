package net.multihome.daemon.leases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.multihome.core.lease.DhcpLease;
import net.multihome.core.lease.LeaseFile;
import net.multihome.core.lease.LeaseFormatException;
import net.multihome.core.lease.LeaseSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leases from {@code <dir>/<interface>.dhcp4} files. The watcher thread alone reads the
 * directory; it publishes an immutable map through a volatile field and then calls the
 * listener, which only posts to the reconcile loop. A file that is not a lease is logged once
 * per content, naming the file and the field, and counts as no lease.
 */
public final class LeaseDirectory implements LeaseSource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseDirectory.class);
    private static final int MAX_FILES = 256;
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final Path directory;
    private final Map<Path, String> reported = new HashMap<>();
    private volatile Map<String, DhcpLease> leases = Map.of();
    private WatchService watcher;
    private Thread thread;

    private LeaseDirectory(Path directory) {
        this.directory = directory;
    }

    /**
     * Creates the directory when missing (hooks create it too) and reads it once, so the first
     * pass already knows the leases.
     */
    public static LeaseDirectory open(Path directory) {
        LeaseDirectory leases = new LeaseDirectory(directory);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            LOG.warn("DHCP leases: cannot create {}: {}; leases are learned from routes only", directory, e.toString());
        }
        leases.reread();
        return leases;
    }

    @Override
    public Map<String, DhcpLease> leases() {
        return leases;
    }

    /** Starts watching; {@code changed} runs on the watcher thread after each change is published. */
    public synchronized void watch(Runnable changed) {
        if (thread != null) {
            return;
        }
        try {
            watcher = directory.getFileSystem().newWatchService();
        } catch (IOException e) {
            LOG.warn("DHCP leases: cannot watch {}: {}; leases are learned from routes only", directory, e.toString());
            return;
        }
        WatchService events = watcher;
        WatchKey key = register(events);
        thread = Thread.ofPlatform().daemon().name("lease-watch").start(() -> run(events, key, changed));
    }

    /**
     * Waits for changes; when the directory itself goes (someone removed /run/multihome/leases),
     * makes it again and watches the new one, checking once a retry interval.
     */
    private void run(WatchService events, WatchKey registered, Runnable changed) {
        WatchKey key = registered;
        try {
            while (true) {
                WatchKey fired = events.poll(RETRY.toMillis(), TimeUnit.MILLISECONDS);
                if (fired != null) {
                    fired.pollEvents();
                    fired.reset();
                }
                if (key == null || !key.isValid()) {
                    key = register(events);
                    if (key == null) {
                        continue;
                    }
                } else if (fired == null) {
                    continue;
                }
                if (reread()) {
                    changed.run();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Creates the directory if it is gone and watches it; null (reported once) when it cannot. */
    private WatchKey register(WatchService events) {
        try {
            Files.createDirectories(directory);
            WatchKey key = directory.register(events, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            reported.remove(directory);
            return key;
        } catch (IOException e) {
            report(directory, "cannot watch: " + e + "; leases are learned from routes only until it can");
            return null;
        }
    }

    /** @return whether the leases differ from those published before */
    private boolean reread() {
        Map<String, DhcpLease> next = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "[!.]*" + LeaseFile.SUFFIX)) {
            int seen = 0;
            for (Path file : files) {
                if (++seen > MAX_FILES) {
                    report(directory, "more than " + MAX_FILES + " lease files; the rest are ignored");
                    break;
                }
                String name = file.getFileName().toString();
                String interfaceName = name.substring(0, name.length() - LeaseFile.SUFFIX.length());
                read(file, interfaceName).ifPresent(lease -> next.put(interfaceName, lease));
            }
        } catch (IOException e) {
            report(directory, "cannot list: " + e);
        }
        reported.keySet().removeIf(p -> !p.equals(directory) && !Files.exists(p, LinkOption.NOFOLLOW_LINKS));
        Map<String, DhcpLease> published = Map.copyOf(next);
        if (published.equals(leases)) {
            return false;
        }
        published.forEach((name, lease) -> {
            if (!Objects.equals(leases.get(name), lease)) {
                LOG.info("DHCP lease on {}: {}", name, describe(lease));
            }
        });
        leases.keySet().stream().filter(name -> !published.containsKey(name))
                .forEach(name -> LOG.info("DHCP lease on {}: file removed", name));
        leases = published;
        return true;
    }

    private Optional<DhcpLease> read(Path file, String interfaceName) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > LeaseFile.MAX_BYTES) {
                report(file, "not a regular file of at most " + LeaseFile.MAX_BYTES + " bytes");
                return Optional.empty();
            }
            DhcpLease lease = LeaseFile.parse(interfaceName, Files.readString(file, StandardCharsets.UTF_8));
            reported.remove(file);
            return Optional.of(lease);
        } catch (LeaseFormatException e) {
            report(file, e.getMessage());
        } catch (IOException e) {
            // Removed or replaced between listing and reading: the next event rereads it.
            LOG.debug("DHCP leases: {}: {}", file, e.toString());
        }
        return Optional.empty();
    }

    private void report(Path file, String problem) {
        if (!problem.equals(reported.put(file, problem))) {
            LOG.warn("DHCP leases: {} ignored: {}", file, problem);
        }
    }

    private static String describe(DhcpLease lease) {
        if (!lease.bound()) {
            return "lost (" + lease.event() + ")";
        }
        return lease.event() + " " + lease.address().getHostAddress() + "/" + lease.prefixLength()
                + (lease.gateway() == null ? ", no router" : " via " + lease.gateway().getHostAddress());
    }

    @Override
    public synchronized void close() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
