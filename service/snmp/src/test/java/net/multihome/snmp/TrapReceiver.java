package net.multihome.snmp;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import net.multihome.snmp.testing.Mibs;
import net.multihome.snmp.testing.Poll;
import net.multihome.snmp.testing.Tools;

/**
 * net-snmp's snmptrapd on 127.0.0.1 and a free high port, in the foreground, logging to a file
 * with our MIB loaded; v3 user {@link AgentFixture#USER} accepted from the agent's engine ID.
 */
final class TrapReceiver implements AutoCloseable {

    final int port;
    final Path log;
    private final Process process;

    TrapReceiver(Path dir, byte[] agentEngineId) throws Exception {
        String snmptrapd = Tools.require("snmptrapd", "snmptrapd");
        String mibPath = Mibs.netSnmpPath();
        port = freeUdpPort();
        log = dir.resolve("traps.log");
        Path conf = dir.resolve("snmptrapd.conf");
        Path persist = Files.createDirectories(dir.resolve("persist"));
        Files.writeString(conf, String.join("\n",
                "[snmp] persistentDir " + persist,
                "disableAuthorization yes",
                "createUser -e 0x" + HexFormat.of().formatHex(agentEngineId) + " " + AgentFixture.USER + " SHA-256 "
                        + AgentFixture.AUTH_PASS + " AES " + AgentFixture.PRIV_PASS,
                "createUser " + AgentFixture.USER + " SHA-256 " + AgentFixture.AUTH_PASS + " AES "
                        + AgentFixture.PRIV_PASS,
                ""), StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder(snmptrapd, "-f", "-C", "-c", conf.toString(), "-n",
                "-Lf", log.toString(), "-M", mibPath, "-m", "SNMPv2-MIB:MULTIHOME-MIB", "udp:127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("snmptrapd.out").toFile());
        builder.environment().put("SNMP_PERSISTENT_DIR", persist.toString());
        process = builder.start();
        try {
            Poll.until(Duration.ofSeconds(10), "snmptrapd started", () -> logText().contains("NET-SNMP version")
                    ? Boolean.TRUE : (process.isAlive() ? null : exited()));
        } catch (Exception | AssertionError e) {
            close();
            throw e;
        }
    }

    String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** How often {@code text} appears in the log. */
    int count(String text) throws IOException {
        return logText().split(java.util.regex.Pattern.quote(text), -1).length - 1;
    }

    private Boolean exited() throws IOException {
        throw new AssertionError("snmptrapd exited: " + logText());
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

}
