package net.multihome.core.plan;

import java.util.List;
import java.util.Map;
import net.multihome.netlink.model.Nexthop;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.Rule;

/**
 * The kernel objects multihome wants in its namespace, all carrying its owner tag.
 *
 * @param sysctls /proc/sys paths below {@code net/} to the values wanted
 * @param tableNames table ids to names, for rt_tables.d
 * @param providers per provider, in configuration order, what was decided and why
 * @param nat the translation of the daemon's nftables table
 */
public record DesiredState(List<Nexthop> nexthops, List<Route> routes, List<Rule> rules,
        Map<String, String> sysctls, Map<Long, String> tableNames, List<ProviderPlan> providers, NatPlan nat) {

    /** A state that translates nothing. */
    public DesiredState(List<Nexthop> nexthops, List<Route> routes, List<Rule> rules, Map<String, String> sysctls,
            Map<Long, String> tableNames, List<ProviderPlan> providers) {
        this(nexthops, routes, rules, sysctls, tableNames, providers, NatPlan.NONE);
    }

    public DesiredState {
        nexthops = List.copyOf(nexthops);
        routes = List.copyOf(routes);
        rules = List.copyOf(rules);
        sysctls = Map.copyOf(sysctls);
        tableNames = Map.copyOf(tableNames);
        providers = List.copyOf(providers);
    }
}
