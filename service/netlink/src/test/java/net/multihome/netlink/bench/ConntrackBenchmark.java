package net.multihome.netlink.bench;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.multihome.netlink.conntrack.ConntrackFixture;
import net.multihome.netlink.conntrack.ConntrackHandle;
import net.multihome.netlink.model.IpAddresses;
import net.multihome.testing.Namespace;

/**
 * Times deleting the conntrack entries of one provider: N UDP entries marked {@code 0x20000}
 * among 2N (the others {@code 0x10000}, mask {@code 0x00ff0000}), deleted by
 * {@link ConntrackHandle#deleteByMark}, by {@code conntrack -D --mark 0x20000/0xff0000} (one
 * process, through {@code ip netns exec}) and by the kernel's filtered flush, each on a fresh
 * set of marked entries in the same namespace; also the filtered dump alone. Every run is checked: the count, and that the
 * other provider's N entries remain. One untimed warm-up run, then the median of RUNS.
 *
 * <p>Usage: {@code ConntrackBenchmark N RUNS} as root; makes and deletes its own namespace.
 */
public final class ConntrackBenchmark {

    private static final long MASK = 0x00ff0000L;
    private static final long ISP1 = 1L << 16;
    private static final long ISP2 = 2L << 16;
    private static final int TIMEOUT_SECONDS = 600;
    private static final Pattern TOOL_SUMMARY = Pattern.compile("(\\d+) flow entries have been deleted");

    private final Namespace ns;
    private final ConntrackHandle ct;
    private final ConntrackFixture fixture;
    private final int n;
    private final Map<String, List<Long>> samples = new LinkedHashMap<>();

    private ConntrackBenchmark(Namespace ns, ConntrackHandle ct, ConntrackFixture fixture, int n) {
        this.ns = ns;
        this.ct = ct;
        this.fixture = fixture;
        this.n = n;
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: ConntrackBenchmark N RUNS");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        int runs = Integer.parseInt(args[1]);
        try (Namespace ns = Namespace.create("ctbench");
                ConntrackHandle ct = ConntrackHandle.open(ns.path());
                ConntrackFixture fixture = new ConntrackFixture(ns.path())) {
            ConntrackBenchmark bench = new ConntrackBenchmark(ns, ct, fixture, n);
            fixture.create(entries(n, ISP1, 1), TIMEOUT_SECONDS);
            for (int run = 0; run <= runs; run++) {
                bench.run(run > 0);
            }
            bench.report();
        }
    }

    private void run(boolean record) {
        fixture.create(entries(n, ISP2, 2), TIMEOUT_SECONDS);
        long t0 = System.nanoTime();
        int listed = ct.entries(ISP2, MASK).size();
        long dump = System.nanoTime() - t0;
        if (listed != n) {
            throw new IllegalStateException("entries: " + listed + " listed, expected " + n);
        }
        t0 = System.nanoTime();
        int deleted = ct.deleteByMark(ISP2, MASK);
        long ours = System.nanoTime() - t0;
        check("deleteByMark", deleted);

        fixture.create(entries(n, ISP2, 2), TIMEOUT_SECONDS);
        t0 = System.nanoTime();
        String out = ns.tryExec("conntrack", "-D", "--mark", "0x20000/0xff0000").orFail();
        long tool = System.nanoTime() - t0;
        Matcher summary = TOOL_SUMMARY.matcher(out);
        check("conntrack -D", summary.find() ? Long.parseLong(summary.group(1)) : -1);

        fixture.create(entries(n, ISP2, 2), TIMEOUT_SECONDS);
        t0 = System.nanoTime();
        fixture.flushByMark(ISP2, MASK);
        long flush = System.nanoTime() - t0;
        check("filtered flush", n);

        if (record) {
            samples.computeIfAbsent("entries (filtered dump only)", k -> new ArrayList<>()).add(dump);
            samples.computeIfAbsent("deleteByMark (dump + batched deletes)", k -> new ArrayList<>()).add(ours);
            samples.computeIfAbsent("conntrack -D --mark (process)", k -> new ArrayList<>()).add(tool);
            samples.computeIfAbsent("kernel filtered flush (no count)", k -> new ArrayList<>()).add(flush);
        }
    }

    private void check(String what, long deleted) {
        int left = ct.entries(ISP2, MASK).size();
        int others = ct.entries(ISP1, MASK).size();
        if (deleted != n || left != 0 || others != n) {
            throw new IllegalStateException(what + ": deleted " + deleted + ", " + left + " marked left, " + others
                    + " of the other provider (expected " + n + ", 0, " + n + ")");
        }
    }

    /** {@code n} UDP entries 10.p.x.y:40000 -> 203.0.113.1:(1024 + i % 60000). */
    private static List<ConntrackFixture.Udp> entries(int n, long mark, int provider) {
        InetAddress destination = IpAddresses.parse("203.0.113.1");
        List<ConntrackFixture.Udp> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            InetAddress source = IpAddresses.parse("10." + provider + "." + (i >> 8 & 0xff) + "." + (i & 0xff));
            out.add(new ConntrackFixture.Udp(source, 40000 + (i >> 16), destination, 1024 + i % 60000, mark));
        }
        return out;
    }

    private void report() {
        System.out.printf("%d of %d entries, one mark, median of %d runs%n", n, 2 * n,
                samples.values().iterator().next().size());
        samples.forEach((name, times) -> {
            List<Long> sorted = times.stream().sorted().toList();
            double ms = sorted.get(sorted.size() / 2) / 1e6;
            System.out.printf("  %-40s %8.1f ms  %8.0f entries/s%n", name, ms, n / (ms / 1000));
        });
    }
}
