package net.multihome.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a program to its end with a hard timeout, its output captured; input is /dev/null. */
public final class Commands {

    /** Enough for any {@code ip} or {@code nft} call; longer tools pass their own. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final File DEV_NULL = new File("/dev/null");

    private Commands() {
    }

    /** Runs {@code command}, fails the test unless it exits 0 within {@link #TIMEOUT}, and returns its output. */
    public static String check(String... command) {
        return run(List.of(command), Map.of(), TIMEOUT).orFail();
    }

    /**
     * Runs {@code command} with {@code environment} added; kills it and fails the test when it
     * has not ended after {@code timeout}.
     */
    public static CommandResult run(List<String> command, Map<String, String> environment, Duration timeout) {
        Path output = null;
        try {
            // A file, not a pipe: a child that hangs on to the pipe cannot block the read past the timeout.
            output = Files.createTempFile("mhtest-cmd", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(DEV_NULL));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout
                        + "; its output so far:\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new CommandResult(command, process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }
}
