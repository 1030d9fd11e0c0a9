package net.multihome.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * net-snmp's tools in a loop inside the lab router, as a monitoring system polls: a bulkwalk of
 * the enterprise subtree, then a GET of both providers' oper status, each call timed and bounded.
 */
final class SnmpPoller implements AutoCloseable {

    private static final String ENTERPRISE = ".1.3.6.1.4.1.32473";
    /** mhProviderOperStatus of isp1 and isp2. */
    private static final List<String> OPER_STATUS = List.of(".1.3.6.1.4.1.32473.1.2.1.9.1",
            ".1.3.6.1.4.1.32473.1.2.1.9.2");
    /** The agent answers in milliseconds; one retry after 1 s, and the process gets 10 s at most. */
    private static final List<String> OPTIONS = List.of("-v2c", "-c", "public", "-t", "1", "-r", "1", "-On");
    private static final Duration CALL_LIMIT = Duration.ofSeconds(10);

    /** Calls made, calls not answered (with the first few outputs), and the p99 of their durations. */
    record Summary(int calls, int unanswered, double p99Millis, double maxMillis, List<String> failures) {
    }

    private final Lab lab;
    private final Path output;
    private final Thread thread;
    private final List<Long> nanos = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private volatile boolean stopped;

    private SnmpPoller(Lab lab, Path dir, Duration load, int maxCalls) {
        this.lab = lab;
        this.output = dir.resolve("snmp-call.out");
        this.thread = Thread.ofPlatform().name("snmp-poller").start(() -> loop(load, maxCalls));
    }

    static SnmpPoller start(Lab lab, Path dir, Duration load, int maxCalls) {
        return new SnmpPoller(lab, dir, load, maxCalls);
    }

    private void loop(Duration load, int maxCalls) {
        long end = System.nanoTime() + load.toNanos();
        for (int i = 0; i < maxCalls && !stopped && System.nanoTime() < end; i++) {
            List<String> call = new ArrayList<>(List.of(i % 2 == 0 ? "snmpbulkwalk" : "snmpget"));
            call.addAll(OPTIONS);
            call.add("127.0.0.1:161");
            call.addAll(i % 2 == 0 ? List.of(ENTERPRISE) : OPER_STATUS);
            call(call);
        }
    }

    private void call(List<String> tool) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", lab.prefix + "-router"));
        command.addAll(tool);
        long started = System.nanoTime();
        String failure;
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!p.waitFor(CALL_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                failure = tool.getFirst() + " still running after " + CALL_LIMIT;
            } else {
                String text = Files.readString(output);
                failure = p.exitValue() == 0 && !text.contains("Timeout") ? null
                        : tool.getFirst() + " exit " + p.exitValue() + ": " + text.strip();
            }
        } catch (IOException e) {
            failure = tool.getFirst() + ": " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
            return;
        }
        synchronized (this) {
            nanos.add(System.nanoTime() - started);
            if (failure != null) {
                failures.add(failure);
            }
        }
    }

    /** Waits for the loop to end (at most {@code wait}) and summarises it. */
    Summary await(Duration wait) throws InterruptedException {
        if (!thread.join(wait)) {
            close();
        }
        synchronized (this) {
            List<Long> sorted = nanos.stream().sorted().toList();
            double p99 = sorted.isEmpty() ? 0
                    : sorted.get(Math.min(sorted.size() - 1, (int) (0.99 * sorted.size()))) / 1e6;
            double max = sorted.isEmpty() ? 0 : sorted.getLast() / 1e6;
            return new Summary(sorted.size(), failures.size(), p99, max, List.copyOf(failures.subList(0,
                    Math.min(3, failures.size()))));
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join(CALL_LIMIT.plusSeconds(1));
    }
}
