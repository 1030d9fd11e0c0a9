package net.multihome.netlink.bench;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.multihome.netlink.BatchResult;
import net.multihome.netlink.Change;
import net.multihome.netlink.NetlinkBatch;
import net.multihome.netlink.NetlinkHandle;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.GroupType;
import net.multihome.netlink.model.IpAddresses;
import net.multihome.netlink.model.IpPrefix;
import net.multihome.netlink.model.Nexthop;
import net.multihome.netlink.model.ResilientParams;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.RoutePath;
import net.multihome.netlink.model.RouteScope;
import net.multihome.netlink.model.RouteType;
import net.multihome.netlink.model.Rule;
import net.multihome.netlink.model.RuleAction;

/**
 * Times batched operations the way {@code iproute2-bench.sh} times {@code ip -batch}: same
 * objects (10.a.b.c/32 via 192.0.2.1 dev wan1 table 100, weighted 3/1 multipath in table 200,
 * rules "from 10.a.b.c/32 lookup 100 pref 1000+i", nexthops alternating wan1/wan2, groups
 * "a,3/a+1" hash-threshold and resilient with 64 buckets). Each run is checked by a dump.
 * One untimed warm-up run precedes the timed ones; the median is printed.
 *
 * <p>Usage: {@code NetlinkBenchmark NETNS_PATH ROUTES RULES GROUPS RUNS}; the namespace must
 * have wan1 (192.0.2.2/24) and wan2 (198.51.100.2/24) up.
 */
public final class NetlinkBenchmark {

    private static final int PROTO = 250;
    private static final InetAddress GW1 = IpAddresses.parse("192.0.2.1");
    private static final InetAddress GW2 = IpAddresses.parse("198.51.100.1");
    private static final int BUCKETS = 64;

    private final NetlinkHandle nl;
    private final int wan1;
    private final int wan2;
    private final Map<String, List<Long>> samples = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    private NetlinkBenchmark(NetlinkHandle nl) {
        this.nl = nl;
        this.wan1 = nl.link("wan1").orElseThrow(() -> new IllegalStateException("no wan1")).index();
        this.wan2 = nl.link("wan2").orElseThrow(() -> new IllegalStateException("no wan2")).index();
    }

    public static void main(String[] args) {
        if (args.length != 5) {
            System.err.println("usage: NetlinkBenchmark NETNS_PATH ROUTES RULES GROUPS RUNS");
            System.exit(2);
        }
        int routes = Integer.parseInt(args[1]);
        int rules = Integer.parseInt(args[2]);
        int groups = Integer.parseInt(args[3]);
        int runs = Integer.parseInt(args[4]);
        try (NetlinkHandle nl = NetlinkHandle.open(Path.of(args[0]))) {
            NetlinkBenchmark b = new NetlinkBenchmark(nl);
            b.run(routes, rules, groups, false);
            b.samples.clear();
            for (int r = 0; r < runs; r++) {
                b.run(routes, rules, groups, true);
            }
            b.report(args, runs);
        }
    }

    private static IpPrefix prefix(int i) {
        return IpPrefix.parse("10." + ((i >> 16) & 0xff) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff) + "/32");
    }

    private void run(int n, int rules, int groups, boolean record) {
        List<Route> plain = new ArrayList<>(n);
        List<Route> multipath = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            plain.add(new Route(Family.INET, prefix(i), 100, RouteType.UNICAST, RouteScope.UNIVERSE, PROTO, GW1,
                    wan1, null, 0, List.of(), 0));
            multipath.add(new Route(Family.INET, prefix(i), 200, RouteType.UNICAST, RouteScope.UNIVERSE, PROTO,
                    null, 0, null, 0, List.of(new RoutePath(GW1, wan1, 3), new RoutePath(GW2, wan2, 1)), 0));
        }
        timed(record, "route.add", n, plain, Change.AddRoute::new);
        check("route.add", nl.routes(Family.INET, 100).size(), n);
        long t0 = System.nanoTime();
        int dumped = nl.routes(Family.INET, 100).size();
        sample(record, "route.dump", n, System.nanoTime() - t0);
        check("route.dump", dumped, n);
        timed(record, "route.del", n, plain, Change.DeleteRoute::new);
        check("route.del", nl.routes(Family.INET, 100).size(), 0);

        timed(record, "mpath.add", n, multipath, Change.AddRoute::new);
        check("mpath.add", nl.routes(Family.INET, 200).size(), n);
        timed(record, "mpath.del", n, multipath, Change.DeleteRoute::new);
        check("mpath.del", nl.routes(Family.INET, 200).size(), 0);

        List<Rule> ruleList = new ArrayList<>(rules);
        for (int i = 0; i < rules; i++) {
            ruleList.add(new Rule(Family.INET, 1000 + i, prefix(i), null, null, null, 0, 0, 0, null, null, 100,
                    RuleAction.TO_TABLE, PROTO));
        }
        timed(record, "rule.add", rules, ruleList, Change.AddRule::new);
        check("rule.add", ownRules(), rules);
        timed(record, "rule.del", rules, ruleList, Change.DeleteRule::new);
        check("rule.del", ownRules(), 0);

        nexthops(groups, record);

        int single = Math.max(1, n / 10);
        long s0 = System.nanoTime();
        for (int i = 0; i < single; i++) {
            nl.apply(new Change.AddRoute(plain.get(i)));
        }
        sample(record, "route.add.unbatched", single, System.nanoTime() - s0);
        timed(false, "cleanup", single, plain.subList(0, single), Change.DeleteRoute::new);
    }

    private void nexthops(int g, boolean record) {
        List<Nexthop> singles = new ArrayList<>(g);
        List<Nexthop> hash = new ArrayList<>(g);
        List<Nexthop> resilient = new ArrayList<>(g);
        int pairs = Math.max(1, g / 2);
        for (int i = 1; i <= g; i++) {
            singles.add(new Nexthop.Single(i, Family.INET, i % 2 == 1 ? GW1 : GW2, i % 2 == 1 ? wan1 : wan2, false,
                    PROTO));
        }
        for (int i = 0; i < g; i++) {
            int a = 2 * (i % pairs) + 1;
            List<Nexthop.Member> members = List.of(new Nexthop.Member(a, 3), new Nexthop.Member(a + 1, 1));
            hash.add(new Nexthop.Group(g + 1 + i, members, GroupType.HASH_THRESHOLD, null, PROTO));
            resilient.add(new Nexthop.Group(2 * g + 1 + i, members, GroupType.RESILIENT,
                    new ResilientParams(BUCKETS, 12000, 0), PROTO));
        }
        timed(record, "nh.add", g, singles, Change.AddNexthop::new);
        timed(record, "nhgrp.add", g, hash, Change.AddNexthop::new);
        timed(record, "nhres.add", g, resilient, Change.AddNexthop::new);
        check("nh.add", nl.nexthops().size(), 3 * g);
        List<Integer> ids = new ArrayList<>(3 * g);
        for (int id = 3 * g; id >= 1; id--) {
            ids.add(id);
        }
        timed(record, "nh.del", 3 * g, ids, Change.DeleteNexthop::new);
        check("nh.del", nl.nexthops().size(), 0);
    }

    private int ownRules() {
        return (int) nl.rules(Family.INET).stream().filter(r -> r.protocol() == PROTO).count();
    }

    private <T> void timed(boolean record, String op, int count, List<T> items,
            Function<T, Change> change) {
        long t0 = System.nanoTime();
        NetlinkBatch batch = nl.batch();
        for (T item : items) {
            batch.add(change.apply(item));
        }
        BatchResult result = batch.execute();
        long elapsed = System.nanoTime() - t0;
        if (!result.allSucceeded()) {
            int first = result.failedIndexes().getFirst();
            throw new IllegalStateException(op + ": " + result.failedIndexes().size() + " failed, first #" + first
                    + ": " + result.failure(first).orElseThrow().message());
        }
        sample(record, op, count, elapsed);
    }

    private void sample(boolean record, String op, int count, long nanos) {
        if (record) {
            samples.computeIfAbsent(op, k -> new ArrayList<>()).add(nanos);
            counts.put(op, count);
        }
    }

    private static void check(String op, int got, int want) {
        if (got != want) {
            throw new IllegalStateException("CHECK FAILED: " + op + ": got " + got + ", want " + want);
        }
    }

    private void report(String[] args, int runs) {
        System.out.printf("# NetlinkBenchmark: routes=%s rules=%s groups=%s runs=%d (+1 warm-up), java %s%n",
                args[1], args[2], args[3], runs, Runtime.version());
        System.out.printf("%-20s %8s %5s %11s %12s %10s %10s%n", "op", "count", "runs", "median_s", "ops_per_s",
                "min_s", "max_s");
        samples.forEach((op, list) -> {
            long[] s = list.stream().mapToLong(Long::longValue).sorted().toArray();
            double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
            int count = counts.get(op);
            System.out.printf("%-20s %8d %5d %11.4f %12.0f %10.4f %10.4f%n", op, count, s.length, median / 1e9,
                    count / (median / 1e9), s[0] / 1e9, s[s.length - 1] / 1e9);
        });
    }
}
