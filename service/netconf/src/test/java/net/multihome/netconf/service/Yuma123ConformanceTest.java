package net.multihome.netconf.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * yuma123's litenc conformance scripts (lock, get, netconf-1dot1, netconf-notifications and
 * edit-config's duplicated list entry), their steps and messages adapted to the multihome model,
 * run with paramiko against the service over SSH. The scripts and yuma123's vendored litenc are
 * in src/test/resources/yuma123 with its BSD licence. Skipped when /usr/bin/python3 cannot import
 * paramiko and lxml.
 */
class Yuma123ConformanceTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final String RESOURCES = "/yuma123/";
    private static final List<String> SHARED = List.of("litenc.py", "litenc_lxml.py", "session_common.py");
    private static final long SCRIPT_TIMEOUT_SECONDS = 120;

    @TempDir
    Path dir;

    @BeforeAll
    static void requireParamikoAndLxml() throws Exception {
        boolean available = Files.isExecutable(Path.of(PYTHON));
        if (available) {
            Process p = new ProcessBuilder(PYTHON, "-c", "import paramiko, lxml.etree").redirectErrorStream(true)
                    .start();
            available = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
            p.destroyForcibly();
        }
        assumeTrue(available, "skipping yuma123's litenc scripts: " + PYTHON + " cannot import paramiko and lxml "
                + "(python3-paramiko, python3-lxml)");
    }

    @ParameterizedTest(name = "{0} {2}")
    @CsvSource(delimiter = '|', value = {
        "session_lock.py                   | false | ''",
        "session_get.py                    | true  | ''",
        "session_netconf_1dot1.py          | true  | ''",
        "session_notifications.py          | false | ''",
        "session_notifications.py          | false | --with-filter-subtree",
        "session_duplicated_list_entry.py  | false | ''",
    })
    void scriptPasses(String script, boolean seeded, String flag) throws Exception {
        Path scripts = Files.createDirectories(dir.resolve("scripts"));
        for (String file : SHARED) {
            copyResource(file, scripts.resolve(file));
        }
        copyResource(script, scripts.resolve(script));
        try (ServiceFixture fixture = new ServiceFixture(Files.createDirectories(dir.resolve("state")), seeded)) {
            List<String> command = new ArrayList<>(List.of(PYTHON, script, "--server=127.0.0.1",
                    "--port=" + fixture.port(), "--user=admin", "--password=admin"));
            if (!flag.isEmpty()) {
                command.add(flag);
            }
            Path out = dir.resolve("script.out");
            Process p = new ProcessBuilder(command).directory(scripts.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            try {
                assertTrue(p.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS),
                        script + " did not finish in " + SCRIPT_TIMEOUT_SECONDS + " s:\n" + Files.readString(out));
            } finally {
                p.destroyForcibly();
            }
            String output = Files.readString(out);
            assertEquals(0, p.exitValue(), output);
            assertTrue(output.lines().anyMatch(l -> l.startsWith("[OK] ")), output);
        }
    }

    private static void copyResource(String name, Path to) throws IOException {
        try (InputStream in = Yuma123ConformanceTest.class.getResourceAsStream(RESOURCES + name)) {
            Files.copy(in, to);
        }
    }
}
