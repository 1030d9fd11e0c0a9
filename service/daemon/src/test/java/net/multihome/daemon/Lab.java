package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A demo lab of a test's own (namespaces with a random prefix, run directory and iproute2
 * files in a temporary directory), driven through the packaged launcher, as a person would.
 */
final class Lab implements AutoCloseable {

    static final Path LAUNCHER = Path.of("../../packaging/bin/multihome").toAbsolutePath().normalize();

    final String prefix;
    final Path runDir;
    final Path rtTables;
    /** The host loopback ports the lab forwards to the router's NETCONF and SNMP servers. */
    final int netconfPort;
    final int snmpPort;
    private final Map<String, String> environment;

    private Lab(Path dir, Path factory) {
        this.prefix = "mht" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
        this.runDir = dir.resolve("run");
        this.rtTables = dir.resolve("rt_tables.d/multihome.conf");
        this.netconfPort = freePort();
        this.snmpPort = freePort();
        this.environment = Map.of("MULTIHOME_LAB_PREFIX", prefix, "MULTIHOME_LAB_RUN_DIR", runDir.toString(),
                "MULTIHOME_LAB_RT_TABLES", rtTables.toString(),
                "MULTIHOME_LAB_RT_PROTOS", dir.resolve("rt_protos.d/multihome.conf").toString(),
                "MULTIHOME_LAB_FACTORY", factory.toString(),
                "MULTIHOME_LAB_NETCONF_PORT", Integer.toString(netconfPort),
                "MULTIHOME_LAB_SNMP_PORT", Integer.toString(snmpPort));
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }

    static void assumeRoot() {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "needs root: creates network namespaces (run the tests as root, as .ci/run does)");
    }

    /** The lab's default configuration: the recipe's two providers, weights 5:1. */
    static final Path RECIPE = Path.of("../../packaging/examples/lab.xml").toAbsolutePath().normalize();

    /** Three equal providers. */
    static final Path THREE = Path.of("../../packaging/examples/lab-three.xml").toAbsolutePath().normalize();

    /** Brings up a lab with the daemon running the recipe's configuration. */
    static Lab up(Path dir) {
        return up(dir, RECIPE);
    }

    /** Brings up a lab with the daemon running {@code factory}. */
    static Lab up(Path dir, Path factory) {
        assumeRoot();
        Lab lab = new Lab(dir, factory);
        try {
            lab.lab("up");
        } catch (RuntimeException | Error e) {
            lab.close();
            throw e;
        }
        return lab;
    }

    String lab(String... args) {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString(), "lab"));
        command.addAll(List.of(args));
        return run(command, environment, Duration.ofSeconds(60));
    }

    /** Runs a command in one of the lab's namespaces ({@code router}, {@code isp1}, ...). */
    String in(String namespace, String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", prefix + "-" + namespace));
        command.addAll(List.of(args));
        return run(command, Map.of(), Duration.ofSeconds(60));
    }

    /** {@code ip -n router ARGS}. */
    String ip(String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "-n", prefix + "-router"));
        command.addAll(List.of(args));
        return run(command, Map.of(), Duration.ofSeconds(30));
    }

    String daemonLog() {
        try {
            return Files.readString(runDir.resolve("daemon.log"));
        } catch (IOException e) {
            return "(no daemon log: " + e + ")";
        }
    }

    /** Polls every 20 ms until the condition holds or the deadline passes; returns whether it held. */
    static boolean within(Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        do {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        } while (System.nanoTime() < end);
        return condition.getAsBoolean();
    }

    static String run(List<String> command, Map<String, String> env, Duration timeout) {
        Path output = null;
        try {
            // Output goes to a file so a hanging command cannot block the read past the timeout.
            output = Files.createTempFile("mh-lab", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                fail(command + " did not finish in " + timeout);
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), () -> command + " failed:\n" + text);
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    @Override
    public void close() {
        lab("down");
    }
}
