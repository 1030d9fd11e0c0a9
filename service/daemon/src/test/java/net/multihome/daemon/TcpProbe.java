package net.multihome.daemon;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.multihome.testing.Await;
import net.multihome.testing.Commands;
import net.multihome.testing.Processes;

/**
 * {@code src/test/resources/tcp_probe.py}, real TCP run inside one of a lab's namespaces: an
 * echo server that answers with the peer address it saw, and clients that count those answers.
 */
final class TcpProbe {

    private static final String PYTHON = "/usr/bin/python3";
    private static final File DEV_NULL = new File("/dev/null");
    private static final Path SCRIPT = Path.of("src/test/resources/tcp_probe.py").toAbsolutePath();

    private TcpProbe() {
    }

    /** {@code tcp_probe.py ARGS} in {@code namespace}, to its end within {@code timeout}; its output. */
    static String run(Lab lab, String namespace, Duration timeout, String... args) {
        return Commands.run(command(lab, namespace, args), Map.of(), timeout).orFail();
    }

    /** Starts {@code tcp_probe.py ARGS} in {@code namespace}; its output goes to a file in {@code dir}. */
    static Background start(Lab lab, String namespace, Path dir, String... args) {
        try {
            Path out = Files.createTempFile(dir, "tcp_probe", ".out");
            Process process = new ProcessBuilder(command(lab, namespace, args)).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                    .start();
            return new Background(process, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start tcp_probe.py " + String.join(" ", args), e);
        }
    }

    /** An echo server on {@code port} in {@code namespace}, listening when this returns. */
    static Background serve(Lab lab, String namespace, Path dir, int port) {
        Background server = start(lab, namespace, dir, "serve", Integer.toString(port));
        try {
            Await.until("tcp_probe.py listening on port " + port + " in " + namespace,
                    () -> server.output().contains("listening") || !server.process.isAlive());
            if (!server.process.isAlive()) {
                throw new AssertionError("tcp_probe.py serve " + port + " ended: " + server.output());
            }
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static List<String> command(Lab lab, String namespace, String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", lab.prefix + "-" + namespace, PYTHON,
                SCRIPT.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** A running {@code tcp_probe.py}; closing it ends the process. */
    record Background(Process process, Path out) implements AutoCloseable {

        String output() {
            try {
                return Files.readString(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Waits for the process to end by itself within {@code timeout}; its output. */
        String awaitEnd(Duration timeout) {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("tcp_probe.py did not end within " + timeout + ": " + output());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return output();
        }

        @Override
        public void close() {
            Processes.stop(process);
        }
    }
}
