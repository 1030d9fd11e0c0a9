package net.multihome.core.reconcile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import net.multihome.netlink.Change;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.Nexthop;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.RouteType;
import net.multihome.netlink.model.Rule;

/**
 * The smallest ordered set of changes from what the kernel has to what is wanted. Pure.
 *
 * <p>Order, so traffic never lacks a path while one exists (make before break): single
 * nexthops, then groups, then routes in planned order (on-link networks before the gateways
 * they resolve, the main default last), then rules; only then deletions, in reverse
 * dependency order (rules, routes, groups, single nexthops). An object of ours whose key is
 * wanted with other values is replaced in place, never deleted and re-added. An object that
 * is not ours is never changed: when it holds a key we want, that is a conflict.
 */
public final class Differ {

    /** The kernel stores IPv6 routes without a metric as metric 1024. */
    private static final long IPV6_DEFAULT_METRIC = 1024;

    private final int protocol;

    public Differ(int protocol) {
        this.protocol = protocol;
    }

    /** Changes to apply, and conflicts with objects we do not own. */
    public record Diff(List<Change> changes, List<String> conflicts) {

        public Diff {
            changes = List.copyOf(changes);
            conflicts = List.copyOf(conflicts);
        }
    }

    public Diff diff(KernelObjects wanted, KernelObjects kernel) {
        List<Change> puts = new ArrayList<>();
        List<Change> deletes = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        diffNexthops(wanted.nexthops(), kernel.nexthops(), puts, deletes, conflicts);
        diffRoutes(wanted.routes(), kernel.routes(), puts, deletes, conflicts);
        diffRules(wanted.rules(), kernel.rules(), puts, deletes);
        List<Change> all = new ArrayList<>(puts);
        all.addAll(deletes.reversed());
        return new Diff(all, conflicts);
    }

    private void diffNexthops(List<Nexthop> wanted, List<Nexthop> kernel, List<Change> puts, List<Change> deletes,
            List<String> conflicts) {
        Map<Integer, Nexthop> have = new HashMap<>();
        kernel.forEach(n -> have.put(n.id(), n));
        Set<Integer> wantedIds = new HashSet<>();
        List<Nexthop> ordered = new ArrayList<>(wanted.stream().filter(n -> n instanceof Nexthop.Single).toList());
        ordered.addAll(wanted.stream().filter(n -> n instanceof Nexthop.Group).toList());
        for (Nexthop n : ordered) {
            wantedIds.add(n.id());
            Nexthop current = have.get(n.id());
            if (current == null) {
                puts.add(new Change.AddNexthop(n));
            } else if (current.protocol() != protocol) {
                conflicts.add("nexthop id " + Integer.toUnsignedString(n.id()) + " belongs to protocol "
                        + current.protocol());
            } else if (!sameNexthop(n, current)) {
                puts.add(new Change.ReplaceNexthop(n));
            }
        }
        // Singles first: the deletions run reversed, so groups go before the singles they reference.
        kernel.stream()
                .filter(n -> n.protocol() == protocol && !wantedIds.contains(n.id()))
                .sorted((a, b) -> Boolean.compare(a instanceof Nexthop.Group, b instanceof Nexthop.Group))
                .forEach(n -> deletes.add(new Change.DeleteNexthop(n.id())));
    }

    private static boolean sameNexthop(Nexthop a, Nexthop b) {
        return switch (a) {
            case Nexthop.Single s when b instanceof Nexthop.Single t -> s.family() == t.family()
                    && s.blackhole() == t.blackhole() && s.ifindex() == t.ifindex()
                    && Objects.equals(s.gateway(), t.gateway());
            case Nexthop.Group g when b instanceof Nexthop.Group h -> g.type() == h.type()
                    && Objects.equals(g.resilient(), h.resilient())
                    && new HashSet<>(g.members()).equals(new HashSet<>(h.members()));
            default -> false;
        };
    }

    private void diffRoutes(List<Route> wanted, List<Route> kernel, List<Change> puts, List<Change> deletes,
            List<String> conflicts) {
        Map<Route.RouteKey, Route> have = new LinkedHashMap<>();
        kernel.forEach(r -> have.putIfAbsent(key(r), r));
        Set<Route.RouteKey> wantedKeys = new HashSet<>();
        for (Route r : wanted) {
            Route.RouteKey key = key(r);
            wantedKeys.add(key);
            Route current = have.get(key);
            if (current == null) {
                puts.add(new Change.AddRoute(r));
            } else if (current.protocol() != protocol) {
                conflicts.add("route " + r.destination() + " table " + r.table() + " metric " + key.metric()
                        + " belongs to protocol " + current.protocol());
            } else if (!sameRoute(r, current)) {
                puts.add(new Change.ReplaceRoute(r));
            }
        }
        kernel.stream()
                .filter(r -> r.protocol() == protocol && !wantedKeys.contains(key(r)))
                .forEach(r -> deletes.add(new Change.DeleteRoute(r)));
    }

    /** A route's key as the kernel stores it (IPv6 metric 0 becomes 1024). */
    static Route.RouteKey key(Route r) {
        long metric = r.family() == Family.INET6 && r.metric() == 0 ? IPV6_DEFAULT_METRIC : r.metric();
        return new Route.RouteKey(r.family(), r.table(), r.destination(), metric);
    }

    /** Compares what the kernel reports back; with a nexthop id, the kernel echoes its paths too. */
    private static boolean sameRoute(Route want, Route have) {
        if (want.type() != have.type() || want.nexthopId() != have.nexthopId()) {
            return false;
        }
        // An unreachable route has no path; the kernel reports IPv6 ones through lo.
        if (want.nexthopId() != 0 || want.type() != RouteType.UNICAST) {
            return true;
        }
        return want.scope() == have.scope()
                && Objects.equals(want.gateway(), have.gateway())
                && want.oif() == have.oif()
                && Objects.equals(want.prefsrc(), have.prefsrc())
                && want.multipath().equals(have.multipath());
    }

    private void diffRules(List<Rule> wanted, List<Rule> kernel, List<Change> puts, List<Change> deletes) {
        Set<Rule> have = new HashSet<>(kernel.stream().filter(r -> r.protocol() == protocol).toList());
        Set<Rule> want = new HashSet<>(wanted);
        for (Rule r : wanted) {
            if (!have.contains(r)) {
                puts.add(new Change.AddRule(r));
            }
        }
        for (Rule r : kernel) {
            if (r.protocol() == protocol && !want.contains(r)) {
                deletes.add(new Change.DeleteRule(r));
            }
        }
    }
}
