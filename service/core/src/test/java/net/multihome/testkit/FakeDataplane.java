package net.multihome.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.multihome.core.reconcile.Dataplane;
import net.multihome.core.reconcile.NatTable;
import net.multihome.netlink.ApplyResult;
import net.multihome.netlink.Change;
import net.multihome.netlink.model.Address;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.IpAddresses;
import net.multihome.netlink.model.Link;
import net.multihome.netlink.model.LinkStats;
import net.multihome.netlink.model.Nexthop;
import net.multihome.netlink.model.OperState;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.RouteScope;
import net.multihome.netlink.model.Rule;
import net.multihome.netlink.socket.Errno;

/**
 * An in-memory kernel: keeps objects by their kernel keys, refuses what {@link #refuse} names.
 * The {@link Dataplane} calls and {@link #addLink} and {@link #deleteRoutes} lock it, so another
 * thread may change it under the reconciler as a person with {@code ip} would; tests that read
 * the fields directly do so from one thread.
 */
public final class FakeDataplane implements Dataplane {

    /** IPv6 routes added with metric 0 are stored with the kernel's default metric. */
    private static final long IPV6_DEFAULT_METRIC = 1024;

    public final List<Link> links = new ArrayList<>();
    public final List<Address> addresses = new ArrayList<>();
    public final Map<Route.RouteKey, Route> routes = new HashMap<>();
    public final List<Rule> rules = new ArrayList<>();
    /** What {@link #natTable()} lists: null while there is no table. */
    public String natTable;
    public final List<String> nftTransactions = new ArrayList<>();
    /** How often the table was listed. */
    public int natListings;
    /** The marks whose connections were deleted, in order. */
    public final List<Long> deletedConnectionMarks = new ArrayList<>();
    public final Map<Integer, Nexthop> nexthops = new HashMap<>();
    public final Map<String, String> sysctls = new HashMap<>();
    public final List<Change> applied = new ArrayList<>();
    /** Changes whose text contains this are refused with {@link #refuseErrno}. */
    public volatile String refuse;
    public volatile int refuseErrno = Errno.EINVAL;
    /** The kernel's words for such a refusal. */
    public volatile String refuseText = "refused by the test";
    /** Link dumps so far: one per full pass. */
    public volatile int linkReads;

    /** Adds an up interface with one address, e.g. {@code "203.0.113.2/26"}. */
    public synchronized void addLink(int index, String name, String address, RouteScope scope) {
        links.add(new Link(index, name, true, true, OperState.UP, 1500, null, null, LinkStats.ZERO));
        String[] parts = address.split("/");
        addresses.add(new Address(index, IpAddresses.parse(parts[0]), Integer.parseInt(parts[1]), scope));
    }

    /** Deletes every route of {@code protocol} in {@code table}, as {@code ip route flush} would; returns how many. */
    public synchronized int deleteRoutes(long table, int protocol) {
        int before = routes.size();
        routes.values().removeIf(r -> r.table() == table && r.protocol() == protocol);
        return before - routes.size();
    }

    @Override
    public synchronized List<Link> links() {
        linkReads++;
        return List.copyOf(links);
    }

    @Override
    public synchronized List<Address> addresses() {
        return List.copyOf(addresses);
    }

    @Override
    public synchronized List<Route> routes(Family family) {
        return routes.values().stream().filter(r -> r.family() == family).toList();
    }

    @Override
    public synchronized List<Rule> rules(Family family) {
        return rules.stream().filter(r -> r.family() == family).toList();
    }

    @Override
    public synchronized List<Nexthop> nexthops() {
        return List.copyOf(nexthops.values());
    }

    @Override
    public synchronized List<ApplyResult> apply(List<Change> changes) {
        List<ApplyResult> out = new ArrayList<>();
        for (Change change : changes) {
            if (refuse != null && change.toString().contains(refuse)) {
                out.add(new ApplyResult.Failed(refuseErrno, Optional.of(refuseText)));
                continue;
            }
            applied.add(change);
            switch (change) {
                case Change.AddRoute c -> routes.put(key(c.route()), c.route());
                case Change.ReplaceRoute c -> routes.put(key(c.route()), c.route());
                case Change.DeleteRoute c -> routes.remove(key(c.route()));
                case Change.AddRule c -> rules.add(c.rule());
                case Change.DeleteRule c -> rules.remove(c.rule());
                case Change.AddNexthop c -> nexthops.put(c.nexthop().id(), c.nexthop());
                case Change.ReplaceNexthop c -> nexthops.put(c.nexthop().id(), c.nexthop());
                case Change.DeleteNexthop c -> nexthops.remove(c.id());
                default -> throw new UnsupportedOperationException("the reconciler never asks for " + change);
            }
            out.add(ApplyResult.APPLIED);
        }
        return out;
    }

    @Override
    public synchronized String sysctl(String path) {
        return sysctls.getOrDefault(path, "0");
    }

    @Override
    public synchronized void setSysctl(String path, String value) {
        sysctls.put(path, value);
    }

    @Override
    public synchronized String natTable() {
        natListings++;
        return natTable;
    }

    @Override
    public synchronized int deleteConnections(long mark, long mask) {
        deletedConnectionMarks.add(mark);
        return 0;
    }

    /** A replacing transaction lists as itself; the deleting one removes the table. */
    @Override
    public synchronized void nft(String transaction) {
        nftTransactions.add(transaction);
        natTable = transaction.equals(NatTable.delete()) ? null : transaction;
    }

    /** A route's key as the kernel stores it. */
    private static Route.RouteKey key(Route r) {
        Route.RouteKey key = r.key();
        return r.family() == Family.INET6 && r.metric() == 0
                ? new Route.RouteKey(key.family(), key.table(), key.destination(), IPV6_DEFAULT_METRIC) : key;
    }
}
