package net.multihome.core.reconcile;

import java.util.List;
import net.multihome.netlink.model.Nexthop;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.Rule;

/** Routes, rules and nexthops: what the kernel has, or what the planner wants. */
public record KernelObjects(List<Nexthop> nexthops, List<Route> routes, List<Rule> rules) {

    public KernelObjects {
        nexthops = List.copyOf(nexthops);
        routes = List.copyOf(routes);
        rules = List.copyOf(rules);
    }
}
