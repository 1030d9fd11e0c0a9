package net.multihome.netconf.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.multihome.core.plan.OperStatus;
import net.multihome.core.status.ProviderStateChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real ncclient against the service, starting from an empty running datastore. The script
 * stops at "WAIT" lines so the test can advance the server's clock or publish an event.
 * Skipped when /usr/bin/python3 cannot import ncclient.
 */
class NcclientOperationsInteropTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final Duration LINE_TIMEOUT = Duration.ofSeconds(30);
    private static final long PROCESS_TIMEOUT_SECONDS = 120;

    @TempDir
    Path dir;
    private ServiceFixture fixture;

    @BeforeAll
    static void requireNcclient() throws Exception {
        boolean available = Files.isExecutable(Path.of(PYTHON));
        if (available) {
            Process p = new ProcessBuilder(PYTHON, "-c", "import ncclient").redirectErrorStream(true).start();
            available = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
            p.destroyForcibly();
        }
        assumeTrue(available, "skipping ncclient interop: " + PYTHON + " cannot import ncclient");
    }

    @BeforeEach
    void start() throws Exception {
        fixture = new ServiceFixture(dir, false);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void ncclientRunsEveryDatastoreOperation() throws Exception {
        Path script = dir.resolve("ncclient_operations.py");
        Path seed = dir.resolve("seed.xml");
        try (InputStream in = getClass().getResourceAsStream("/ncclient_operations.py")) {
            Files.copy(in, script);
        }
        Files.writeString(seed, ServiceFixture.seedDocument());
        Process p = new ProcessBuilder(PYTHON, script.toString(), Integer.toString(fixture.port()), seed.toString())
                .redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("READ-ERROR " + e);
            }
            lines.add("EOF");
        });
        List<String> seen = new ArrayList<>();
        try (OutputStream stdin = p.getOutputStream()) {
            while (true) {
                String line = lines.poll(LINE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                assertNotNull(line, "ncclient went silent after " + seen);
                if ("EOF".equals(line)) {
                    break;
                }
                seen.add(line);
                if (line.equals("WAIT confirm-timeout")) {
                    fixture.advance(Duration.ofSeconds(60));
                    answer(stdin);
                } else if (line.equals("WAIT provider-event")) {
                    fixture.events.publish(new ProviderStateChange("isp1", OperStatus.UP, OperStatus.DOWN,
                            "3 rounds lost", Instant.parse("2026-11-28T12:00:05Z")));
                    answer(stdin);
                }
            }
            assertTrue(p.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS), "ncclient did not finish in time");
        } finally {
            p.destroyForcibly();
            reader.join(Duration.ofSeconds(5));
        }
        String all = String.join("\n", seen);
        assertEquals(0, p.exitValue(), all);
        for (String expected : List.of("CAPS True", "GET True", "EDIT True", "VALIDATE True", "COMMIT True",
                "FILTER True", "DISCARD True", "COPY True", "DELETE True", "LOCK2 lock-denied True",
                "LOCK2-AFTER-UNLOCK True",
                "BADTABLE invalid-value /mh:multihome/mh:provider[mh:name='isp1']/mh:table",
                "CONFIRMED True", "ROLLBACK True", "SCHEMA True", "DEFAULTS True", "NOTIFY True", "CLOSE True")) {
            assertTrue(seen.contains(expected), "missing '" + expected + "' in:\n" + all);
        }
        assertTrue(fixture.startup.load().providers().isEmpty(), "delete-config left a startup configuration");
    }

    private static void answer(OutputStream stdin) throws IOException {
        stdin.write("go\n".getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }
}
