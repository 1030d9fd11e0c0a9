package net.multihome.core.reconcile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/** An in-memory kernel: keeps objects by their kernel keys, refuses what {@link #refuse} names. */
final class FakeDataplane implements Dataplane {

    final List<Link> links = new ArrayList<>();
    final List<Address> addresses = new ArrayList<>();
    final Map<Route.RouteKey, Route> routes = new HashMap<>();
    final List<Rule> rules = new ArrayList<>();
    final Map<Integer, Nexthop> nexthops = new HashMap<>();
    final Map<String, String> sysctls = new HashMap<>();
    final List<Change> applied = new ArrayList<>();
    /** Changes whose text contains this are refused with {@link #refuseErrno}. */
    String refuse;
    int refuseErrno = Errno.EINVAL;

    /** Adds an up interface with one address, e.g. {@code "203.0.113.2/26"}. */
    void addLink(int index, String name, String address, RouteScope scope) {
        links.add(new Link(index, name, true, true, OperState.UP, 1500, null, null, LinkStats.ZERO));
        String[] parts = address.split("/");
        addresses.add(new Address(index, IpAddresses.parse(parts[0]), Integer.parseInt(parts[1]), scope));
    }

    /** Link dumps so far: one per full pass. */
    int linkReads;

    @Override
    public List<Link> links() {
        linkReads++;
        return List.copyOf(links);
    }

    @Override
    public List<Address> addresses() {
        return List.copyOf(addresses);
    }

    @Override
    public List<Route> routes(Family family) {
        return routes.values().stream().filter(r -> r.family() == family).toList();
    }

    @Override
    public List<Rule> rules(Family family) {
        return rules.stream().filter(r -> r.family() == family).toList();
    }

    @Override
    public List<Nexthop> nexthops() {
        return List.copyOf(nexthops.values());
    }

    @Override
    public List<ApplyResult> apply(List<Change> changes) {
        List<ApplyResult> out = new ArrayList<>();
        for (Change change : changes) {
            if (refuse != null && change.toString().contains(refuse)) {
                out.add(new ApplyResult.Failed(refuseErrno, Optional.of("refused by the test")));
                continue;
            }
            applied.add(change);
            switch (change) {
                case Change.AddRoute c -> routes.put(Differ.key(c.route()), c.route());
                case Change.ReplaceRoute c -> routes.put(Differ.key(c.route()), c.route());
                case Change.DeleteRoute c -> routes.remove(Differ.key(c.route()));
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
    public String sysctl(String path) {
        return sysctls.getOrDefault(path, "0");
    }

    @Override
    public void setSysctl(String path, String value) {
        sysctls.put(path, value);
    }
}
