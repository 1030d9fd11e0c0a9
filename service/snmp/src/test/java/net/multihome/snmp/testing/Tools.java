package net.multihome.snmp.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs command line tools with a hard timeout; skips the test when a tool is missing. */
public final class Tools {

    /** What a finished command printed and returned. */
    public record Result(int exitCode, String stdout, String stderr) {

        public String all() {
            return stdout + stderr;
        }
    }

    private Tools() {
    }

    /** Skips the calling test unless {@code /usr/bin/tool} or {@code /usr/sbin/tool} exists. */
    public static String require(String tool, String debianPackage) {
        for (String dir : List.of("/usr/bin/", "/usr/sbin/")) {
            if (Files.isExecutable(Path.of(dir + tool))) {
                return dir + tool;
            }
        }
        assumeTrue(false, tool + " is not installed: apt-get install " + debianPackage);
        return tool;
    }

    /** Runs {@code command} with {@code environment} added; kills it after {@code timeout}. */
    public static Result run(List<String> command, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("tool", ".out");
        Path err = Files.createTempFile("tool", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError("timed out after " + timeout + ": " + command);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
