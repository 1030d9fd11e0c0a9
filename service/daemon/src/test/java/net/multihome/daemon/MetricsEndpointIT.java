package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import net.multihome.testing.Await;
import net.multihome.testing.CommandResult;
import net.multihome.testing.Commands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's Prometheus endpoint in a lab router, scraped through the lab's forwarder at the
 * URL {@code lab up} prints: both providers are up, if1's counters are there, and promtool
 * finds the exposition clean.
 */
@Tag("netns")
class MetricsEndpointIT {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @TempDir
    Path dir;

    private Lab lab;

    @AfterEach
    void down() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void labServesMetricsThatPromtoolFindsClean() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "needs curl");
        lab = Lab.up(dir);
        String url = lab.upOutput.lines().filter(l -> l.startsWith("metrics:")).findFirst()
                .map(l -> l.substring("metrics:".length()).strip()).orElse(null);
        assertEquals("http://127.0.0.1:" + lab.metricsPort + "/metrics", url, lab.upOutput);

        AtomicReference<String> body = new AtomicReference<>("");
        assertTrue(Await.within(Duration.ofSeconds(20), () -> {
            body.set(scrape(url));
            return body.get().contains("multihome_provider_up{provider=\"isp1\"} 1.0")
                    && body.get().contains("multihome_provider_up{provider=\"isp2\"} 1.0");
        }), () -> "both providers up in:\n" + body.get() + "\n" + lab.daemonLog());
        String metrics = body.get();
        assertTrue(metrics.contains("multihome_interface_transmit_bytes_total{interface=\"if1\"}"), metrics);
        assertTrue(metrics.contains("multihome_reconcile_passes_total"), metrics);
        assertTrue(metrics.contains("multihome_snmp_requests_total"), metrics);
        assertTrue(metrics.contains("multihome_netconf_sessions "), metrics);

        assumeTrue(Files.isExecutable(PROMTOOL), "needs promtool (Debian prometheus)");
        Path file = dir.resolve("metrics.txt");
        Files.writeString(file, metrics);
        CommandResult lint = Commands.run(List.of("sh", "-c", PROMTOOL + " check metrics < " + file), Map.of(),
                Duration.ofSeconds(30));
        assertEquals(0, lint.exitCode(), () -> "promtool check metrics:\n" + lint);
        assertEquals("", lint.output().strip(), () -> "promtool check metrics:\n" + lint);
    }

    /** The body, or curl's complaint when the endpoint does not answer 200 (yet). */
    private static String scrape(String url) {
        CommandResult curl = Commands.run(List.of("curl", "-sS", "--fail", "--max-time", "5", url), Map.of(),
                Duration.ofSeconds(10));
        return curl.succeeded() ? curl.output() : curl.toString();
    }
}
