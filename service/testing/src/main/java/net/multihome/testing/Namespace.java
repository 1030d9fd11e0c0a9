package net.multihome.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A network namespace of a test's own, made with {@code ip netns add} under a name no parallel
 * run uses, loopback up. Commands fail the test when they fail. {@link #close} deletes it, and
 * with it every interface inside (veth peers elsewhere too); creating it skips the test unless
 * it runs as root.
 */
public final class Namespace implements AutoCloseable {

    private final String name;
    private boolean deleted;

    private Namespace(String name) {
        this.name = name;
    }

    /** Creates {@code mht-<role>-<pid>-<n>} with loopback up; skips the test when not root. */
    public static Namespace create(String role) {
        return create(role, ns -> { });
    }

    /** Creates the namespace and runs {@code setup} in it; deletes it again when setup fails. */
    public static Namespace create(String role, Consumer<Namespace> setup) {
        Root.assume();
        Namespace ns = new Namespace(UniqueNames.next("mht-" + role));
        Commands.check("ip", "netns", "add", ns.name);
        try {
            ns.up("lo");
            setup.accept(ns);
            return ns;
        } catch (RuntimeException | Error e) {
            try {
                ns.close();
            } catch (RuntimeException | Error cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    public String name() {
        return name;
    }

    /** The handle file that {@code setns} and netlink sockets open. */
    public Path path() {
        return Path.of("/run/netns", name);
    }

    /** {@code ip -n NAME args...}; returns its output. */
    public String ip(String... args) {
        return Commands.check(prefixed(List.of("ip", "-n", name), args));
    }

    /** Any program inside the namespace ({@code ip netns exec}); returns its output. */
    public String exec(String... args) {
        return tryExec(args).orFail();
    }

    /** Like {@link #exec} but hands back a failed exit too, for commands that may fail. */
    public CommandResult tryExec(String... args) {
        return Commands.run(List.of(prefixed(List.of("ip", "netns", "exec", name), args)), Map.of(), Commands.TIMEOUT);
    }

    /** Sets {@code device} up. */
    public void up(String device) {
        ip("link", "set", device, "up");
    }

    /** Adds {@code prefix} (e.g. {@code 192.0.2.2/24}) to {@code device}, with any further {@code ip addr} options. */
    public void address(String device, String prefix, String... options) {
        ip(prefixed(List.of("addr", "add", prefix, "dev", device), options));
    }

    /** A veth pair with both ends in this namespace, both up. */
    public void veth(String device, String peer) {
        ip("link", "add", device, "type", "veth", "peer", "name", peer);
        up(device);
        up(peer);
    }

    /** A veth pair from this namespace to {@code other}, both ends up. */
    public void veth(String device, Namespace other, String peer) {
        ip("link", "add", device, "type", "veth", "peer", "name", peer, "netns", other.name);
        up(device);
        other.up(peer);
    }

    /** Loads an nftables script into the namespace. */
    public void nft(String script) {
        try {
            Path file = Files.createTempFile("mhtest", ".nft");
            try {
                Files.writeString(file, script);
                exec("nft", "-f", file.toString());
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the namespace; a second call does nothing. */
    @Override
    public void close() {
        if (!deleted) {
            deleted = true;
            Commands.check("ip", "netns", "del", name);
        }
    }

    private static String[] prefixed(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }
}
