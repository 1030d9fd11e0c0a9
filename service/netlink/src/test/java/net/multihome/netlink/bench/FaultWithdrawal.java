package net.multihome.netlink.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import net.multihome.netlink.NetlinkEvent;
import net.multihome.netlink.NetlinkHandle;
import net.multihome.netlink.NetlinkMonitor;
import net.multihome.netlink.model.Nexthop;

/**
 * Measures, in one process with one clock, the time from a fault to the moment a nexthop group
 * no longer holds an uplink's member, for {@code bench/failover-bench.sh} on a lab it brought
 * up. Each run times the fault three ways: from the start of the fault command, from its end,
 * and from the kernel's own notification of the fault (the first link or address event a
 * netlink monitor receives in the namespace where the fault is made), when it has one.
 *
 * <p>Each fault waits a random time, up to PHASE_MS, after the member came back: the member
 * returns right after a probe round, so faults made at once would always fall at the same point
 * of the probe schedule and measure one phase instead of all. The group is read by a dump every
 * {@value #POLL_MICROS} µs rather than in a busy loop, so the measurement leaves the machine's
 * CPUs to the daemon it measures.
 *
 * <p>Arguments: ROUTER_NETNS_PATH GROUP_ID MEMBER_ID FAULT_NETNS_PATH|- FAIL_COMMAND
 * RESTORE_COMMAND RUNS PHASE_MS, the commands as single strings run with {@code bash -c}; "-"
 * when the fault makes no rtnetlink event (an nftables rule).
 */
public final class FaultWithdrawal {

    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(15);
    private static final long POLL_MICROS = 500;

    private FaultWithdrawal() {
    }

    public static void main(String[] args) throws Exception {
        Path router = Path.of(args[0]);
        int group = Integer.parseUnsignedInt(args[1]);
        int member = Integer.parseUnsignedInt(args[2]);
        Path faultNs = args[3].equals("-") ? null : Path.of(args[3]);
        String fail = args[4];
        String restore = args[5];
        int runs = Integer.parseInt(args[6]);
        long phaseNanos = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[7]));
        Random random = new Random(runs);
        AtomicLong faultEvent = new AtomicLong();
        List<Long> fromStart = new ArrayList<>();
        List<Long> fromEnd = new ArrayList<>();
        List<Long> fromEvent = new ArrayList<>();
        try (NetlinkHandle netlink = NetlinkHandle.open(router);
                NetlinkMonitor monitor = faultNs == null ? null : NetlinkMonitor.start(faultNs, event -> {
                    if (event instanceof NetlinkEvent.LinkEvent || event instanceof NetlinkEvent.AddressEvent) {
                        faultEvent.compareAndSet(0, System.nanoTime());
                    }
                })) {
            for (int run = 0; run < runs; run++) {
                await(() -> hasMember(netlink, group, member), "member back in the group");
                LockSupport.parkNanos((long) (random.nextDouble() * phaseNanos));
                faultEvent.set(0);
                long start = System.nanoTime();
                run(fail);
                long end = System.nanoTime();
                long gone = await(() -> !hasMember(netlink, group, member), "member gone");
                fromStart.add(gone - start);
                fromEnd.add(gone - end);
                if (monitor != null) {
                    await(() -> faultEvent.get() != 0, "fault event");
                    fromEvent.add(gone - faultEvent.get());
                }
                run(restore);
            }
        }
        print("from the fault command's start", fromStart);
        print("from the fault command's end", fromEnd);
        if (!fromEvent.isEmpty()) {
            print("from the kernel's fault event", fromEvent);
        }
    }

    private static void print(String what, List<Long> nanos) {
        List<Double> ms = nanos.stream().sorted().map(n -> n / 1e6).toList();
        StringBuilder all = new StringBuilder();
        ms.forEach(m -> all.append(all.isEmpty() ? "" : " ").append(String.format("%.1f", m)));
        System.out.printf("  %-31s ms: median %6.1f  p95 %6.1f  max %6.1f  (%s)%n", what,
                ms.get((ms.size() - 1) / 2), ms.get((int) Math.ceil(ms.size() * 0.95) - 1), ms.getLast(), all);
    }

    private static boolean hasMember(NetlinkHandle netlink, int group, int member) {
        for (Nexthop n : netlink.nexthops()) {
            if (n instanceof Nexthop.Group g && g.id() == group) {
                return g.members().stream().anyMatch(m -> m.id() == member);
            }
        }
        return false;
    }

    /** Polls until the condition holds; returns System.nanoTime() at that moment. */
    private static long await(BooleanSupplier condition, String what) {
        long end = System.nanoTime() + DEADLINE_NANOS;
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return System.nanoTime();
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(POLL_MICROS));
        }
        throw new IllegalStateException("no " + what + " within 15 s");
    }

    private static void run(String command) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", command).inheritIO().start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed");
        }
    }
}
