package net.multihome.netlink.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.multihome.netlink.NetlinkEvent;
import net.multihome.netlink.NetlinkHandle;
import net.multihome.netlink.NetlinkMonitor;
import net.multihome.netlink.model.Nexthop;

/**
 * Measures, in one process with one clock, the time from the kernel's carrier-loss event of an
 * uplink to the moment a nexthop group no longer holds that uplink's member (a tight netlink
 * dump loop). Used by bench/failover-bench.sh on a lab it brought up.
 *
 * <p>Arguments: ROUTER_NETNS_PATH UPLINK GROUP_ID MEMBER_ID FAIL_COMMAND RESTORE_COMMAND RUNS,
 * the commands as single strings run with {@code bash -c}.
 */
public final class CarrierWithdrawal {

    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private CarrierWithdrawal() {
    }

    public static void main(String[] args) throws Exception {
        Path router = Path.of(args[0]);
        String uplink = args[1];
        int group = Integer.parseUnsignedInt(args[2]);
        int member = Integer.parseUnsignedInt(args[3]);
        int runs = Integer.parseInt(args[6]);
        AtomicLong carrierLost = new AtomicLong();
        List<Long> micros = new ArrayList<>();
        try (NetlinkHandle netlink = NetlinkHandle.open(router);
                NetlinkMonitor monitor = NetlinkMonitor.start(router, event -> {
                    if (event instanceof NetlinkEvent.LinkEvent e && e.link().name().equals(uplink)
                            && !e.link().carrier()) {
                        carrierLost.compareAndSet(0, System.nanoTime());
                    }
                })) {
            for (int run = 0; run < runs; run++) {
                await(() -> hasMember(netlink, group, member), "member back in the group");
                carrierLost.set(0);
                run(args[4]);
                long gone = await(() -> !hasMember(netlink, group, member), "member gone");
                await(() -> carrierLost.get() != 0, "carrier event");
                micros.add(TimeUnit.NANOSECONDS.toMicros(gone - carrierLost.get()));
                run(args[5]);
            }
        }
        List<Long> sorted = micros.stream().sorted().toList();
        System.out.printf("  carrier event -> member gone, us: median %d  p95 %d  max %d  %s%n",
                sorted.get((sorted.size() - 1) / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
                sorted.getLast(), sorted);
    }

    private static boolean hasMember(NetlinkHandle netlink, int group, int member) {
        for (Nexthop n : netlink.nexthops()) {
            if (n instanceof Nexthop.Group g && g.id() == group) {
                return g.members().stream().anyMatch(m -> m.id() == member);
            }
        }
        return false;
    }

    /** Spins until the condition holds; returns System.nanoTime() at that moment. */
    private static long await(java.util.function.BooleanSupplier condition, String what) {
        long end = System.nanoTime() + DEADLINE_NANOS;
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return System.nanoTime();
            }
        }
        throw new IllegalStateException("no " + what + " within 10 s");
    }

    private static void run(String command) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", command).inheritIO().start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed");
        }
    }
}
