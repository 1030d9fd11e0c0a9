package net.multihome.daemon.memory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.multihome.netlink.socket.Libc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives back the AOT cache's read-only pages once the daemon is ready.
 *
 * <p>The launcher maps the cache where it was trained to be, so its read-only region stays clean
 * pages of the file. Start-up reads nearly all of it (every class in the cache is loaded then), and
 * the kernel maps a file in large folios, so about 30 MB stay resident though a daemon at rest
 * reads about 7. The region is advised random (a page needed again is read alone, with no
 * read-ahead), paged out, and the file's pages read ahead behind it dropped from the page cache
 * (a fault maps the cached pages around it too), so that it keeps only the pages the daemon goes
 * on to use.
 *
 * <p>The kernel pages out a file's pages only for the file's owner (or root): the package gives the
 * cache to user multihome, and the unit's read-only file system keeps the daemon from writing it.
 * A cache the JVM relocated (its address taken) is one writable mapping of patched private copies,
 * which would go to swap: it is left alone.
 */
public final class ArchivePages {

    private static final Logger LOG = LoggerFactory.getLogger(ArchivePages.class);
    private static final String CACHE_FLAG = "-XX:AOTCache=";
    private static final Path PROC_SELF = Path.of("/proc/self");

    private ArchivePages() {
    }

    /** Gives back this JVM's AOT cache's read-only pages, if it runs with a cache; logs what it did. */
    public static void release() {
        try {
            Optional<Path> cache = cacheFile(commandLine());
            if (cache.isEmpty()) {
                return;
            }
            Path file = cache.get().toRealPath();
            int owner = (Integer) Files.getAttribute(file, "unix:uid");
            List<String> status = Files.readAllLines(PROC_SELF.resolve("status"));
            long uid = statusField(status, "Uid:", 1);
            if (uid != 0 && uid != owner) {
                LOG.info("the AOT cache's start-up pages stay resident: the kernel pages out a file's pages only for"
                        + " its owner, and {} belongs to uid {}, not to this uid {}", file, owner, uid);
                return;
            }
            long inode = ((Number) Files.getAttribute(file, "unix:ino")).longValue();
            List<Region> regions = readOnlyMappingsOf(file, inode,
                    Region.parseSmaps(Files.readAllLines(PROC_SELF.resolve("smaps"))));
            if (regions.isEmpty() || regions.stream().anyMatch(r -> r.anonymousKb() > 0)) {
                LOG.info("the AOT cache's start-up pages stay resident: the JVM relocated the cache (its address"
                        + " was taken, or it ran without -XX:ArchiveRelocationMode=0), which made them private copies");
                return;
            }
            for (Region region : regions) {
                String refused = pageOut(region.mapping(), file);
                if (!refused.isEmpty()) {
                    LOG.warn("the AOT cache's start-up pages stay resident: {}", refused);
                    return;
                }
            }
            LOG.info("gave back the AOT cache's read-only pages start-up read ({} MB mapped): RSS {} -> {} MB",
                    regions.stream().mapToLong(r -> r.mapping().size()).sum() >> 20,
                    statusField(status, "VmRSS:", 0) >> 10,
                    statusField(Files.readAllLines(PROC_SELF.resolve("status")), "VmRSS:", 0) >> 10);
        } catch (IOException | RuntimeException e) {
            LOG.warn("the AOT cache's start-up pages stay resident: {}", e.toString());
        }
    }

    /**
     * Advises MAPPING of FILE random, pages it out and drops the file's cached pages behind it that
     * nothing maps: "" or what the kernel refused.
     */
    static String pageOut(Mapping mapping, Path file) {
        int refused = KernelAdvice.madvise(mapping.start(), mapping.size(), Libc.MADV_RANDOM);
        if (refused != 0) {
            return "madvise(MADV_RANDOM) refused with errno " + refused;
        }
        refused = KernelAdvice.madvise(mapping.start(), mapping.size(), Libc.MADV_PAGEOUT);
        if (refused != 0) {
            return "madvise(MADV_PAGEOUT) refused with errno " + refused
                    + (refused == Libc.EINVAL ? " (it needs Linux 5.4 or newer)" : "");
        }
        refused = KernelAdvice.dropCached(file, mapping.offset(), mapping.size());
        return refused == 0 ? "" : "posix_fadvise(POSIX_FADV_DONTNEED) refused with errno " + refused;
    }

    /** The file after the last {@code -XX:AOTCache=} on a JVM's command line. */
    static Optional<Path> cacheFile(List<String> commandLine) {
        return commandLine.stream().filter(arg -> arg.startsWith(CACHE_FLAG) && arg.length() > CACHE_FLAG.length())
                .reduce((first, last) -> last).map(arg -> Path.of(arg.substring(CACHE_FLAG.length())));
    }

    /** The read-only private mappings of FILE as it is now (this name, this inode). */
    static List<Region> readOnlyMappingsOf(Path file, long inode, List<Region> regions) {
        String name = file.toString();
        return regions.stream().filter(r -> r.mapping().permissions().equals("r--p")
                && r.mapping().inode() == inode && r.mapping().file().equals(name)).toList();
    }

    /** The INDEXth number of a /proc/PID/status line, e.g. the effective uid of "Uid:" or the kB of "VmRSS:". */
    static long statusField(List<String> status, String name, int index) {
        return status.stream().filter(l -> l.startsWith(name)).findFirst()
                .map(l -> Long.parseLong(l.substring(name.length()).trim().split("\\s+")[index]))
                .orElseThrow(() -> new IllegalStateException("no " + name + " line in /proc/self/status"));
    }

    private static List<String> commandLine() throws IOException {
        return List.of(new String(Files.readAllBytes(PROC_SELF.resolve("cmdline")), StandardCharsets.UTF_8).split("\0"));
    }
}
