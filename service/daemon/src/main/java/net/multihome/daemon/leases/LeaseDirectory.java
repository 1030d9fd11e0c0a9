package net.multihome.daemon.leases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import net.multihome.core.lease.DhcpLease;
import net.multihome.core.lease.LeaseFile;
import net.multihome.core.lease.LeaseFormatException;
import net.multihome.core.lease.LeaseSource;
import net.multihome.daemon.watch.DirectoryWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leases from {@code <dir>/<interface>.dhcp4} files. After {@link #open} the watch thread alone
 * reads the directory; it publishes an immutable map through a volatile field and then calls the
 * listener, which only posts to the reconcile loop. A file that is not a lease is logged once
 * per content, naming the file and the field, and counts as no lease.
 */
public final class LeaseDirectory implements LeaseSource {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseDirectory.class);
    private static final int MAX_FILES = 256;

    private final Path directory;
    private final Map<Path, String> reported = new HashMap<>();
    private volatile Map<String, DhcpLease> leases = Map.of();

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

    /** Follows the directory on {@code watch}; {@code changed} runs on its thread after each change is published. */
    public void watch(DirectoryWatch watch, Runnable changed) {
        watch.add(directory, "DHCP leases", () -> {
            if (reread()) {
                changed.run();
            }
        });
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
            if (seen <= MAX_FILES) {
                reported.remove(directory);
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
}
