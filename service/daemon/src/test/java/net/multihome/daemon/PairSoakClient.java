package net.multihome.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One NOC session of the pair soak ({@code src/test/resources/pair_soak_client.py}, real
 * ncclient) in a router's namespace: a committer of one provider leaf, or a reader of
 * config-sync's state and running. It ends when the stop file appears, or by its own bound.
 */
final class PairSoakClient implements AutoCloseable {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("src/test/resources/pair_soak_client.py").toAbsolutePath();
    /** The hard bound of a session, should the stop file never come. */
    private static final Duration LONGEST = Duration.ofSeconds(150);
    private static final int MAX_ROUNDS = 1000;
    private static final Pattern ATTEMPT = Pattern.compile(
            "^commit value=(\\S+) start=([\\d.]+) end=([\\d.]+) result=(\\w+) message=(.*)$", Pattern.MULTILINE);
    private static final Pattern SUMMARY = Pattern.compile("^summary requests=(\\d+) errors=(\\d+) hung=(\\S+)$",
            Pattern.MULTILINE);

    /** One commit attempt; times in System.nanoTime's clock (CLOCK_MONOTONIC, as Python's time.monotonic). */
    record Attempt(String value, long startNanos, long endNanos, String result, String message) {
        boolean ok() {
            return result.equals("ok");
        }

        long millis() {
            return (endNanos - startNanos) / 1_000_000;
        }
    }

    /** How the session ended: {@code hung} is "none" unless a request got no answer. */
    record Summary(String name, long requests, List<String> errors, String hung, List<Attempt> attempts) {
    }

    final String name;
    final String router;
    private final Path output;
    private final Process process;

    private PairSoakClient(String name, String router, Path output, Process process) {
        this.name = name;
        this.router = router;
        this.output = output;
        this.process = process;
    }

    /** A committer of {@code provider}'s {@code leaf}; it parks while {@code pause} exists ("-": never). */
    static PairSoakClient committer(Lab lab, Path dir, String name, String router, Path stop, String pause,
            String provider, String leaf) {
        return start(lab, dir, name, router, List.of("commit", stop.toString(), seconds(), Integer.toString(MAX_ROUNDS),
                pause, parked(dir, name).toString(), provider, leaf, name));
    }

    static PairSoakClient reader(Lab lab, Path dir, String name, String router, Path stop) {
        return start(lab, dir, name, router, List.of("read", stop.toString(), seconds(), Integer.toString(MAX_ROUNDS)));
    }

    /** The file a committer shows it is parked with. */
    static Path parked(Path dir, String name) {
        return dir.resolve(name + ".parked");
    }

    private static String seconds() {
        return Long.toString(LONGEST.toSeconds());
    }

    private static PairSoakClient start(Lab lab, Path dir, String name, String router, List<String> args) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", lab.prefix + "-" + router,
                PYTHON.toString(), SCRIPT.toString()));
        command.addAll(args);
        Path output = dir.resolve(name + ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            return new PairSoakClient(name, router, output, process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits up to {@code timeout} for the session to end; one that does not is killed and reported hung. */
    Summary await(Duration timeout) throws InterruptedException, IOException {
        boolean ended = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String text = Files.readString(output);
        List<Attempt> attempts = new ArrayList<>();
        Matcher a = ATTEMPT.matcher(text);
        while (a.find()) {
            attempts.add(new Attempt(a.group(1), nanos(a.group(2)), nanos(a.group(3)), a.group(4), a.group(5)));
        }
        Matcher s = SUMMARY.matcher(text);
        if (!ended || !s.find()) {
            return new Summary(name, 0, List.of(text.strip()), ended ? "no summary" : "did not end within "
                    + timeout.toSeconds() + " s", attempts);
        }
        List<String> errors = text.lines().filter(l -> l.startsWith("error: ")).toList();
        return new Summary(name, Long.parseLong(s.group(1)), errors, s.group(3), attempts);
    }

    private static long nanos(String seconds) {
        return Math.round(Double.parseDouble(seconds) * 1e9);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
