package net.multihome.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One session of {@code src/test/resources/netconf_soak_client.py} (real ncclient), run inside
 * the lab router against the daemon's NETCONF server, looping get, get-config, edit and commit.
 */
final class NetconfSoakClient implements AutoCloseable {

    private static final Path SCRIPT = Path.of("src/test/resources/netconf_soak_client.py").toAbsolutePath();
    private static final Pattern SUMMARY = Pattern.compile("summary requests=(\\d+) timeouts=(\\d+) errors=(\\d+)"
            + " p99_ms=([\\d.]+) max_ms=([\\d.]+) hung=(\\S+)");

    /** What one session reported; {@code hung} names the request that got no answer, or "none". */
    record Summary(int client, long requests, long timeouts, long errors, double p99Millis, double maxMillis,
                   String hung, List<String> errorLines) {
    }

    private final int client;
    private final Path output;
    private final Process process;

    private NetconfSoakClient(int client, Path output, Process process) {
        this.client = client;
        this.output = output;
        this.process = process;
    }

    /** Starts session {@code client}; it loops for {@code load} or {@code maxRounds} rounds, whichever ends first. */
    static NetconfSoakClient start(Lab lab, Path dir, int client, Duration load, int maxRounds) throws IOException {
        Path output = dir.resolve("netconf-client-" + client + ".out");
        Process process = new ProcessBuilder("ip", "netns", "exec", lab.prefix + "-router", "/usr/bin/python3",
                SCRIPT.toString(), "830", Long.toString(load.toSeconds()), Integer.toString(maxRounds),
                Integer.toString(client)).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new NetconfSoakClient(client, output, process);
    }

    /** Waits for the summary; a client still running after {@code wait} is itself reported as hung. */
    Summary await(Duration wait) throws IOException, InterruptedException {
        if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            return new Summary(client, 0, 1, 0, 0, 0, "the-client-itself(still-running-after-" + wait + ")",
                    List.of(Files.readString(output)));
        }
        String text = Files.readString(output);
        Matcher m = SUMMARY.matcher(text);
        if (!m.find()) {
            return new Summary(client, 0, 0, 1, 0, 0, "none", List.of("no summary: " + text));
        }
        return new Summary(client, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), m.group(6),
                text.lines().filter(l -> l.startsWith("error: ")).toList());
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
