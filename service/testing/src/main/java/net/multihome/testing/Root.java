package net.multihome.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The skip for tests that create network namespaces: they need root and iproute2. */
public final class Root {

    private Root() {
    }

    /** Skips the calling test, saying why, unless it runs as root with {@code ip} installed. */
    public static void assume() {
        assumeTrue(isRoot(), "SKIPPED: needs root to create network namespaces (run the tests as root, as .ci/run does)");
        assumeTrue(List.of("/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip").stream().anyMatch(p -> Files.isExecutable(Path.of(p))),
                "SKIPPED: needs iproute2's ip to set up network namespaces");
    }

    /** Whether the effective user id is 0. */
    public static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:"))
                    .anyMatch(l -> l.split("\\s+")[2].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }
}
