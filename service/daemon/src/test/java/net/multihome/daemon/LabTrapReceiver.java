package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import net.multihome.testing.Await;

/**
 * snmptrapd in a lab's router on the recipe's trap target (127.0.0.1:162), decoding what it
 * receives with MULTIHOME-MIB and the IETF base MIBs into a log the test reads.
 */
final class LabTrapReceiver implements AutoCloseable {

    private static final Path MIB_DIR = Path.of("../../mib").toAbsolutePath().normalize();

    private final Process process;
    private final Path log;

    private LabTrapReceiver(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Skips the test unless snmptrapd, snmpget and the IETF base MIBs are installed. */
    static void assumeTools() {
        assumeTrue(baseMibs().isPresent(), "needs the IETF base MIBs (SMI_BASE_DIR; .ci/run provides them)");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/snmptrapd")), "needs snmptrapd (Debian snmptrapd)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/snmpget")), "needs snmpget (Debian snmp)");
    }

    /** Starts it in {@code lab}'s router, with its files in {@code dir}, and waits until it logs. */
    static LabTrapReceiver start(Lab lab, Path dir) throws IOException {
        Path conf = dir.resolve("snmptrapd.conf");
        Files.writeString(conf, "disableAuthorization yes\n");
        Path log = dir.resolve("traps.log");
        Process process = new ProcessBuilder("ip", "netns", "exec", lab.prefix + "-router", "snmptrapd", "-f", "-C",
                "-c", conf.toString(), "-M", MIB_DIR + ":" + baseMibs().orElseThrow(), "-m", "ALL",
                "-Lf", log.toString(), "udp:127.0.0.1:162").redirectErrorStream(true)
                .redirectOutput(dir.resolve("trapd.out").toFile()).start();
        LabTrapReceiver receiver = new LabTrapReceiver(process, log);
        assertTrue(Await.within(Duration.ofSeconds(10), () -> Files.exists(log)), "snmptrapd started");
        return receiver;
    }

    private static Optional<Path> baseMibs() {
        return Stream.of(System.getenv("SMI_BASE_DIR"), "/tmp/multihome-smi-base", "/tmp/anchors-smi-base")
                .filter(d -> d != null && Files.isRegularFile(Path.of(d, "SNMPv2-SMI")))
                .map(Path::of).findFirst();
    }

    /** The traps logged so far; empty before the first. */
    String traps() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
