package net.multihome.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * snmptrapd in the lab router on 127.0.0.1:162, the recipe's notification target: each trap
 * is one line of numeric varbinds (no MIB needed), read back as provider notifications.
 */
final class TrapReceiver implements AutoCloseable {

    /** snmpTrapOID.0, which names the notification. */
    private static final Pattern TRAP_OID = Pattern.compile(
            "\\.1\\.3\\.6\\.1\\.6\\.3\\.1\\.1\\.4\\.1\\.0 = OID: (\\S+)");
    /** mhProviderName (2), mhProviderOperStatus (9) and mhProviderReason (10) of the provider's row. */
    private static final Pattern COLUMN = Pattern.compile(
            "\\.1\\.3\\.6\\.1\\.4\\.1\\.32473\\.1\\.2\\.1\\.(2|9|10)\\.\\d+"
                    + " = (?:STRING|INTEGER): \"?([^\\t]*?)\"?(?=\\t|$)");
    /** The MIB's OperStatus values, by their YANG names. */
    private static final Map<String, String> STATUS = Map.of("1", "up", "2", "degraded", "3", "down", "4", "disabled",
            "5", "no-interface");
    private static final String PROVIDER_NOTIFICATIONS = ".1.3.6.1.4.1.32473.0.";

    private final Path log;
    private final Process process;

    private TrapReceiver(Path log, Process process) {
        this.log = log;
        this.process = process;
    }

    static TrapReceiver start(Lab lab, Path dir) throws IOException {
        Path conf = dir.resolve("snmptrapd.conf");
        Files.writeString(conf, "disableAuthorization yes\n");
        Path log = dir.resolve("traps.log");
        Process process = new ProcessBuilder("ip", "netns", "exec", lab.prefix + "-router", "snmptrapd", "-f", "-C",
                "-c", conf.toString(), "-m", "", "-On", "-F", "TRAP %v\\n", "-Lf", log.toString(), "udp:127.0.0.1:162")
                .redirectErrorStream(true).redirectOutput(dir.resolve("snmptrapd.out").toFile()).start();
        return new TrapReceiver(log, process);
    }

    /** Whether snmptrapd has opened its log, which it does once it listens. */
    boolean listening() {
        return Files.exists(log);
    }

    /** The provider notifications received so far, as "PROVIDER STATUS (REASON)", in order. */
    List<String> providerNotifications() {
        try {
            return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.startsWith("TRAP "))
                    .filter(l -> trapOid(l).startsWith(PROVIDER_NOTIFICATIONS)).map(TrapReceiver::describe).toList()
                    : List.of();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + log, e);
        }
    }

    private static String trapOid(String line) {
        Matcher m = TRAP_OID.matcher(line);
        return m.find() ? m.group(1) : "";
    }

    private static String describe(String line) {
        String name = "?";
        String status = "?";
        String reason = "?";
        Matcher m = COLUMN.matcher(line);
        while (m.find()) {
            switch (m.group(1)) {
                case "2" -> name = m.group(2);
                case "9" -> status = STATUS.getOrDefault(m.group(2), m.group(2));
                default -> reason = m.group(2);
            }
        }
        return name + " " + status + " (" + reason + ")";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
