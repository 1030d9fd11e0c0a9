package net.multihome.core.reconcile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/** An in-memory kernel: keeps objects by their kernel keys, refuses what {@link #refuse} names. */
final class FakeDataplane implements Dataplane {

    final List<Link> links = new ArrayList<>();
    final List<Address> addresses = new ArrayList<>();
    final Map<Route.RouteKey, Route> routes = new HashMap<>();
    final List<Rule> rules = new ArrayList<>();
    final Map<Integer, Nexthop> nexthops = new HashMap<>();
    final Map<String, String> sysctls = new HashMap<>();
    final List<Change> applied = new ArrayList<>();
    String refuse;
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
    public List<String> apply(List<Change> changes) {
        List<String> out = new ArrayList<>();
        for (Change change : changes) {
            if (refuse != null && change.toString().contains(refuse)) {
                out.add("EINVAL: refused by the test");
                continue;
            }
            applied.add(change);
            switch (change) {
                case Change.PutRoute p -> routes.put(Differ.key(p.route()), p.route());
                case Change.DeleteRoute d -> routes.remove(Differ.key(d.route()));
                case Change.AddRule a -> rules.add(a.rule());
                case Change.DeleteRule d -> rules.remove(d.rule());
                case Change.PutNexthop p -> nexthops.put(p.nexthop().id(), p.nexthop());
                case Change.DeleteNexthop d -> nexthops.remove(d.nexthop().id());
            }
            out.add(null);
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
