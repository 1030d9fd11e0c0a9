package net.multihome.netlink;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A throw-away network namespace for operation tests, set up with {@code ip} (test code only):
 * lo up, veth wan1 (192.0.2.2/24) and wan2 (198.51.100.2/24) whose peers stay in the same
 * namespace, both up with carrier. {@link #close()} deletes it.
 */
final class TestNamespace implements AutoCloseable {

    static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);

    private final String name;

    private TestNamespace(String name) {
        this.name = name;
    }

    /** Skips the calling test unless running as root with {@code ip} available. */
    static void assumeRoot() {
        assumeTrue(isRoot(), "needs root: creates network namespaces");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip"))
                || Files.isExecutable(Path.of("/usr/bin/ip")), "needs iproute2 'ip' to set up namespaces");
    }

    private static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[1].equals("0");
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /** Creates the namespace with its two uplinks, waiting (bounded) for carrier. */
    static TestNamespace create() {
        String name = "mhtest-nl-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        run("ip", "netns", "add", name);
        TestNamespace ns = new TestNamespace(name);
        try {
            ns.ip("link", "set", "lo", "up");
            ns.ip("link", "add", "wan1", "type", "veth", "peer", "name", "wan1p");
            ns.ip("link", "add", "wan2", "type", "veth", "peer", "name", "wan2p");
            ns.ip("addr", "add", "192.0.2.2/24", "dev", "wan1");
            ns.ip("addr", "add", "198.51.100.2/24", "dev", "wan2");
            for (String dev : List.of("wan1p", "wan2p", "wan1", "wan2")) {
                ns.ip("link", "set", dev, "up");
            }
            try (NetlinkHandle nl = NetlinkHandle.open(ns.path())) {
                awaitTrue("carrier on wan1 and wan2", () -> nl.link("wan1").orElseThrow().carrier()
                        && nl.link("wan2").orElseThrow().carrier());
            }
            return ns;
        } catch (RuntimeException | Error e) {
            ns.close();
            throw e;
        }
    }

    String name() {
        return name;
    }

    Path path() {
        return Path.of("/run/netns", name);
    }

    /** Runs {@code ip -n NAME args...} and returns its output. */
    String ip(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", name));
        cmd.addAll(List.of(args));
        return run(cmd.toArray(String[]::new));
    }

    static String run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " timed out");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", cmd) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code condition} until it holds or {@link #DEADLINE} passes. */
    static void awaitTrue(String what, BooleanSupplier condition) {
        Instant end = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out after " + DEADLINE + " waiting for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    @Override
    public void close() {
        run("ip", "netns", "del", name);
    }
}
