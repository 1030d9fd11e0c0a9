package net.multihome.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.multihome.testing.CommandResult;
import net.multihome.testing.Commands;
import net.multihome.testing.Root;
import net.multihome.testing.UniqueNames;

/**
 * A demo lab of a test's own (namespaces with a unique prefix, run directory and iproute2
 * files in a temporary directory), driven through the packaged launcher, as a person would.
 */
final class Lab implements AutoCloseable {

    static final Path LAUNCHER = Path.of("../../packaging/bin/multihome").toAbsolutePath().normalize();

    final String prefix;
    final Path runDir;
    final Path rtTables;
    /** The host loopback ports the lab forwards to the router's NETCONF, SNMP and metrics servers. */
    final int netconfPort;
    final int snmpPort;
    final int metricsPort;
    private final Map<String, String> environment;
    /** What {@code lab up} printed. */
    String upOutput = "";

    /** {@code settings}: more MULTIHOME_LAB_* variables, the factory configuration's among them. */
    private Lab(Path dir, Map<String, String> settings) {
        this.prefix = UniqueNames.next("mht");
        this.runDir = dir.resolve("run");
        this.rtTables = dir.resolve("rt_tables.d/multihome.conf");
        this.netconfPort = freePort();
        this.snmpPort = freePort();
        this.metricsPort = freePort();
        Map<String, String> environment = new HashMap<>(Map.of("MULTIHOME_LAB_PREFIX", prefix,
                "MULTIHOME_LAB_RUN_DIR", runDir.toString(),
                "MULTIHOME_LAB_RT_TABLES", rtTables.toString(),
                "MULTIHOME_LAB_RT_PROTOS", dir.resolve("rt_protos.d/multihome.conf").toString(),
                "MULTIHOME_LAB_NETCONF_PORT", Integer.toString(netconfPort),
                "MULTIHOME_LAB_SNMP_PORT", Integer.toString(snmpPort),
                "MULTIHOME_LAB_METRICS_PORT", Integer.toString(metricsPort)));
        environment.putAll(settings);
        this.environment = Map.copyOf(environment);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
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
        return up(dir, Map.of("MULTIHOME_LAB_FACTORY", factory.toString()), "up");
    }

    /**
     * Brings up the redundant pair ({@code lab up --pair}): routers {@code a} and {@code b} on
     * their example configurations, each with its daemon, keepalived and conntrackd.
     */
    static Lab pair(Path dir) {
        return up(dir, Map.of(), "up", "--pair");
    }

    /** The pair on {@code configs}' lab-pair-a.xml and lab-pair-b.xml instead of the examples. */
    static Lab pair(Path dir, Path configs) {
        return up(dir, Map.of("MULTIHOME_LAB_PAIR_CONFIGS", configs.toString()), "up", "--pair");
    }

    private static Lab up(Path dir, Map<String, String> settings, String... up) {
        Root.assume();
        Lab lab = new Lab(dir, settings);
        try {
            lab.upOutput = lab.lab(Duration.ofSeconds(240), up);
        } catch (RuntimeException | Error e) {
            lab.close();
            throw e;
        }
        return lab;
    }

    String lab(String... args) {
        return lab(Duration.ofSeconds(60), args);
    }

    /** {@code multihome lab ARGS}, given {@code timeout} (starting the pair's two daemons takes longer). */
    String lab(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString(), "lab"));
        command.addAll(List.of(args));
        return Commands.run(command, environment, timeout).orFail();
    }

    /** {@code multihome lab ARGS} run through {@code wrapper} (setpriv, say), however it ends. */
    CommandResult labThrough(List<String> wrapper, String... args) {
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(List.of(LAUNCHER.toString(), "lab"));
        command.addAll(List.of(args));
        return Commands.run(command, environment, Duration.ofSeconds(60));
    }

    /** Runs a command in one of the lab's namespaces ({@code router}, {@code isp1}, ...). */
    String in(String namespace, String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", prefix + "-" + namespace));
        command.addAll(List.of(args));
        return Commands.run(command, Map.of(), Duration.ofSeconds(60)).orFail();
    }

    /** {@code ip -n router ARGS}. */
    String ip(String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "-n", prefix + "-router"));
        command.addAll(List.of(args));
        return Commands.run(command, Map.of(), Duration.ofSeconds(30)).orFail();
    }

    String daemonLog() {
        try {
            return Files.readString(runDir.resolve("daemon.log"));
        } catch (IOException e) {
            return "(no daemon log: " + e + ")";
        }
    }

    @Override
    public void close() {
        lab("down");
    }
}
