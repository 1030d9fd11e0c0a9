package net.multihome.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.multihome.testing.Commands;

/** A lab's daemon JVM seen from outside, through /proc and jcmd. */
final class DaemonJvm {

    private static final Path JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    private static final Pattern VM_RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
    private static final Pattern INITIAL_HEAP = Pattern.compile("-XX:InitialHeapSize=(\\d+)");
    private static final Pattern BLOCKED = Pattern.compile("^#\\d+ (\"[^\"]*\".*?) BLOCKED");
    private static final Pattern FRAME = Pattern.compile("at (?:[\\w.$]+/)?[\\w.$]*?([\\w$]+\\.[\\w$<>]+)\\(");
    private static final Pattern LOCK = Pattern.compile("- (waiting to lock|locked) <([\\w.$]+@\\w+)>");

    final long pid;

    private DaemonJvm(long pid) {
        this.pid = pid;
    }

    static DaemonJvm of(Lab lab) throws IOException {
        return of(lab.runDir);
    }

    /** The daemon of the pair lab's {@code router} ({@code a} or {@code b}). */
    static DaemonJvm of(Lab lab, String router) throws IOException {
        return of(lab.runDir.resolve(router));
    }

    private static DaemonJvm of(Path runDir) throws IOException {
        return new DaemonJvm(Long.parseLong(Files.readString(runDir.resolve("daemon.pid")).strip()));
    }

    /** Resident memory in bytes. */
    long rss() throws IOException {
        Matcher m = VM_RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        if (!m.find()) {
            throw new IllegalStateException("no VmRSS for pid " + pid);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    /** The heap G1 was given at start; it commits its pages lazily, so RSS grows into it. */
    long initialHeap() {
        Matcher m = INITIAL_HEAP.matcher(jcmd(Duration.ofSeconds(30), "VM.flags"));
        if (!m.find()) {
            throw new IllegalStateException("jcmd VM.flags shows no InitialHeapSize");
        }
        return Long.parseLong(m.group(1));
    }

    /**
     * Writes a thread dump, virtual threads included (jstack shows none, and so misses a lock
     * cycle through one), to {@code file}; returns one line per blocked thread with the locks it
     * holds and waits for, or why there is no dump.
     */
    String threadDump(Path file) {
        try {
            Files.deleteIfExists(file);
            jcmd(Duration.ofSeconds(30), "Thread.dump_to_file", "-format=text", file.toString());
            return "thread dump " + file + ", blocked threads:\n" + blockedThreads(Files.readString(file));
        } catch (IOException | RuntimeException | AssertionError e) {
            return "no thread dump: " + e.getMessage();
        }
    }

    private String jcmd(Duration timeout, String... command) {
        List<String> line = new ArrayList<>(List.of(JCMD.toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        return Commands.run(line, Map.of(), timeout).orFail();
    }

    private static String blockedThreads(String dump) {
        List<String> lines = new ArrayList<>();
        for (String thread : dump.split("\\n\\s*\\n")) {
            Matcher header = BLOCKED.matcher(thread.strip());
            if (!header.find()) {
                continue;
            }
            StringBuilder line = new StringBuilder("  " + header.group(1) + " BLOCKED");
            Matcher frame = FRAME.matcher(thread);
            if (frame.find()) {
                line.append(" in ").append(frame.group(1));
            }
            Matcher lock = LOCK.matcher(thread);
            while (lock.find()) {
                line.append(lock.group(1).equals("locked") ? ", holds " : ", waits for ").append(lock.group(2));
            }
            lines.add(line.toString());
        }
        return lines.isEmpty() ? "  (none)" : String.join("\n", lines);
    }
}
