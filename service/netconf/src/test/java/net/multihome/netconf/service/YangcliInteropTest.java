package net.multihome.netconf.service;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** yuma123 yangcli (Debian package yangcli) connects and reads the running configuration. */
class YangcliInteropTest {
    private static final Path YANGCLI = Path.of("/usr/bin/yangcli");
    private static final long PROCESS_TIMEOUT_SECONDS = 60;

    @TempDir
    Path dir;
    private ServiceFixture fixture;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isExecutable(YANGCLI), "skipping yangcli interop: " + YANGCLI + " is not installed");
        fixture = new ServiceFixture(dir, true);
    }

    @AfterEach
    void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void yangcliConnectsAndRunsGetConfig() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        ProcessBuilder builder = new ProcessBuilder(YANGCLI.toString(), "--server=127.0.0.1",
                "--ncport=" + fixture.port(), "--user=admin", "--password=admin", "--batch-mode",
                "--run-command=get-config source=running", "--display-mode=xml")
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().put("HOME", home.toString());
        Process p = builder.start();
        try {
            assertTrue(p.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS), "yangcli did not finish in time");
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(output.contains("NETCONF session established"), output);
            assertTrue(output.contains("<name>isp1</name>") && output.contains("<name>isp2</name>"), output);
        } finally {
            p.destroyForcibly();
        }
    }
}
