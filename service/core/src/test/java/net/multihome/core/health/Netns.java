package net.multihome.core.health;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace created for a test with {@code ip netns add}, and commands run in it.
 * Deleting it removes its interfaces, veth peers included.
 */
final class Netns implements AutoCloseable {

    /** Why namespace tests are skipped when not run as root. */
    static final String NEEDS_ROOT = "SKIPPED: needs root to create network namespaces (run as root, e.g. in .ci/run)";

    private final String name;

    private Netns(String name) {
        this.name = name;
    }

    /** Creates {@code mhtest-hc-<random>-<suffix>} with its loopback up. */
    static Netns create(String suffix) throws IOException {
        String name = "mhtest-hc-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff))
                + "-" + suffix;
        run("ip", "netns", "add", name);
        Netns ns = new Netns(name);
        ns.ip("link", "set", "lo", "up");
        return ns;
    }

    static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:"))
                    .anyMatch(l -> l.split("\\s+")[1].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }

    String name() {
        return name;
    }

    Path path() {
        return Path.of("/run/netns", name);
    }

    /** {@code ip -n NAME args...}. */
    String ip(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", name));
        cmd.addAll(List.of(args));
        return run(cmd.toArray(String[]::new));
    }

    /** Any command inside the namespace ({@code ip netns exec}). */
    String exec(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", name));
        cmd.addAll(List.of(args));
        return run(cmd.toArray(String[]::new));
    }

    /** Loads an nftables script into the namespace. */
    void nft(String script) throws IOException {
        Path file = Files.createTempFile("mhtest-hc", ".nft");
        try {
            Files.writeString(file, script);
            exec("nft", "-f", file.toString());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Connects this namespace to {@code peer} with a veth pair, both ends up. */
    void veth(String localName, Netns peer, String peerName) throws IOException {
        ip("link", "add", localName, "type", "veth", "peer", "name", peerName, "netns", peer.name);
        ip("link", "set", localName, "up");
        peer.ip("link", "set", peerName, "up");
    }

    @Override
    public void close() throws IOException {
        run("ip", "netns", "del", name);
    }

    static String run(String... cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", cmd));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", cmd), e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " exited " + p.exitValue() + ": " + out);
        }
        return out;
    }
}
