package net.multihome.daemon;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.HotSpotDiagnosticMXBean.ThreadDumpFormat;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A dump of every thread, virtual ones included (what {@code jcmd PID Thread.dump_to_file}
 * writes; jstack's deadlock detector misses cycles through virtual threads).
 */
final class ThreadDump {

    private ThreadDump() {
    }

    /** The dump as text, or why it could not be taken. */
    static String take() {
        try {
            Path dir = Files.createTempDirectory("multihome-threads");
            Path file = dir.resolve("threads.txt");
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(file.toString(), ThreadDumpFormat.TEXT_PLAIN);
                return Files.readString(file);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException | RuntimeException e) {
            return "no thread dump: " + e;
        }
    }
}
