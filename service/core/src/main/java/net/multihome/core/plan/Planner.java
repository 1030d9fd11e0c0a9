package net.multihome.core.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.multihome.core.config.Balancing;
import net.multihome.core.config.Balancing.DefaultRouteKind;
import net.multihome.core.config.ConnectionMarks;
import net.multihome.core.config.LocalNetwork;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.config.Policy;
import net.multihome.core.config.Provider;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.GroupType;
import net.multihome.netlink.model.IpPrefix;
import net.multihome.netlink.model.Nexthop;
import net.multihome.netlink.model.PortRange;
import net.multihome.netlink.model.ResilientParams;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.RoutePath;
import net.multihome.netlink.model.RouteScope;
import net.multihome.netlink.model.RouteType;
import net.multihome.netlink.model.Rule;
import net.multihome.netlink.model.RuleAction;

/**
 * Computes the kernel objects for a configuration, the providers' health and the interfaces
 * the kernel has. A pure function: the same input always gives the same, ordered output.
 *
 * <p>What it plans, per provider that is enabled and has its interface (split access):
 * its table holds the provider network with {@code src} its address, the default via its
 * gateway, every local network, the other providers' networks and {@code 127.0.0.0/8 dev lo};
 * a rule {@code from <address> lookup <table>} sends replies back through it. The default
 * route, in a table of its own, spreads flows over the usable providers of the best tier; two
 * rules put it after every route of main but main's defaults, which DHCP clients and router
 * advertisements own. Policies become rules.
 *
 * <p>When every enabled provider is down, {@link Balancing.AllDown#USE_ALL} keeps the default
 * over every provider whose link is up (the probe targets may be what failed);
 * {@link Balancing.AllDown#UNREACHABLE} makes it unreachable so local programs fail fast.
 */
public final class Planner {

    public static final long MAIN_TABLE = 254;
    private static final IpPrefix LOOPBACK_NETWORK = IpPrefix.parse("127.0.0.0/8");
    private static final long GROUP_ID_V4 = OwnerTag.NEXTHOP_ID_BASE + 1L;
    private static final long GROUP_ID_V6 = OwnerTag.NEXTHOP_ID_BASE + 2L;
    private static final int MEMBER_ID_BASE = OwnerTag.NEXTHOP_ID_BASE + 16;

    private final int protocol;

    public Planner(OwnerTag owner) {
        this.protocol = owner.protocol();
    }

    public DesiredState plan(MultihomeConfig config, Map<String, Verdict> health, KernelView kernel) {
        List<ProviderAssessment> assessments = config.providers().stream()
                .map(p -> ProviderAssessment.of(p, health.getOrDefault(p.name(), Verdict.unjudged()), kernel))
                .toList();
        List<Route> linkRoutes = new ArrayList<>();
        List<Route> gatewayRoutes = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        for (ProviderAssessment a : assessments) {
            if (a.linkAdminUp()) {
                splitAccess(a, assessments, config.localNetworks(), kernel, linkRoutes, gatewayRoutes, rules);
            }
        }
        List<Nexthop> nexthops = new ArrayList<>();
        Map<String, BigDecimal> shares = new HashMap<>();
        for (Family family : Family.values()) {
            if (configured(config, family)) {
                defaultRoute(config.balancing(), family, assessments, nexthops, gatewayRoutes, shares);
                rules.addAll(defaultRules(config.balancing(), family));
            }
        }
        rules.addAll(policyRules(config, assessments));
        NatPlan nat = NatPlanner.plan(config, assessments);
        if (nat.translates()) {
            rules.addAll(markRules(assessments));
        }
        List<Route> routes = new ArrayList<>(linkRoutes);
        routes.addAll(gatewayRoutes);
        return new DesiredState(nexthops, routes, rules, sysctls(config.balancing()),
                tableNames(config.balancing(), assessments),
                assessments.stream().map(a -> new ProviderPlan(a.provider().name(), a.status(), a.reason(),
                        a.families(), a.link() == null ? 0 : a.link().ifindex(),
                        shares.getOrDefault(a.provider().name(), BigDecimal.ZERO))).toList(), nat);
    }

    private void splitAccess(ProviderAssessment a, List<ProviderAssessment> all, List<LocalNetwork> locals,
            KernelView kernel, List<Route> linkRoutes, List<Route> gatewayRoutes, List<Rule> rules) {
        long table = a.provider().table();
        int ifindex = a.link().ifindex();
        for (ResolvedFamily f : a.families()) {
            linkRoutes.add(route(f.family(), f.network(), table, RouteScope.LINK, null, ifindex, f.address(), 0));
            for (LocalNetwork local : locals) {
                Optional<InterfaceView> lan = kernel.find(local.interfaceName()).filter(InterfaceView::adminUp);
                if (local.prefix().family() == f.family() && lan.isPresent()) {
                    linkRoutes.add(route(f.family(), local.prefix(), table, RouteScope.LINK, null,
                            lan.get().ifindex(), null, 0));
                }
            }
            for (ProviderAssessment other : all) {
                if (other != a && other.linkAdminUp()) {
                    other.family(f.family()).filter(o -> !o.network().equals(f.network())).ifPresent(o ->
                            linkRoutes.add(route(f.family(), o.network(), table, RouteScope.LINK, null,
                                    other.link().ifindex(), null, 0)));
                }
            }
            if (f.family() == Family.INET) {
                kernel.find(KernelView.LOOPBACK).ifPresent(lo -> linkRoutes.add(route(Family.INET,
                        LOOPBACK_NETWORK, table, RouteScope.LINK, null, lo.ifindex(), null, 0)));
            }
            gatewayRoutes.add(route(f.family(), IpPrefix.defaultRoute(f.family()), table, RouteScope.UNIVERSE,
                    f.gateway(), ifindex, null, 0));
            rules.add(rule(f.family(), OwnerTag.SOURCE_RULE_PRIORITY, IpPrefix.host(f.address()), null, null, 0,
                    null, null, table, RuleAction.TO_TABLE));
        }
    }

    /**
     * Packets the table marks with a provider's connection mark (replies to connections that came
     * in through it) look up its table: they leave by it, whatever the default prefers.
     */
    private List<Rule> markRules(List<ProviderAssessment> assessments) {
        List<Rule> rules = new ArrayList<>();
        for (ProviderAssessment a : assessments) {
            if (a.linkAdminUp()) {
                for (ResolvedFamily f : a.families()) {
                    rules.add(new Rule(f.family(), OwnerTag.MARK_RULE_PRIORITY, null, null, null, null,
                            ConnectionMarks.of(a.provider()), ConnectionMarks.PROVIDER_MASK, 0, null, null,
                            a.provider().table(), RuleAction.TO_TABLE, protocol));
                }
            }
        }
        return rules;
    }

    private static boolean configured(MultihomeConfig config, Family family) {
        return config.providers().stream().anyMatch(p -> p.enabled() && p.family(family) != null);
    }

    /** Main without its defaults, then our default: a client's default in main never outranks ours. */
    private List<Rule> defaultRules(Balancing balancing, Family family) {
        return List.of(
                new Rule(family, OwnerTag.MAIN_WITHOUT_DEFAULT_PRIORITY, null, null, null, null, 0, 0, 0, null, null,
                        MAIN_TABLE, RuleAction.TO_TABLE, protocol, 0, 0),
                rule(family, OwnerTag.DEFAULT_TABLE_PRIORITY, null, null, null, 0, null, null, balancing.table(),
                        RuleAction.TO_TABLE));
    }

    private void defaultRoute(Balancing balancing, Family family, List<ProviderAssessment> all,
            List<Nexthop> nexthops, List<Route> routes, Map<String, BigDecimal> shares) {
        List<ProviderAssessment> members = defaultMembers(balancing, family, all);
        IpPrefix destination = IpPrefix.defaultRoute(family);
        long table = balancing.table();
        if (members.isEmpty()) {
            if (balancing.allDown() == Balancing.AllDown.UNREACHABLE) {
                routes.add(new Route(family, destination, table, RouteType.UNREACHABLE, RouteScope.UNIVERSE,
                        protocol, null, 0, null, balancing.metric(), List.of(), 0));
            }
            return;
        }
        if (balancing.mode() == Balancing.Mode.FAILOVER) {
            for (int rank = 0; rank < members.size(); rank++) {
                ProviderAssessment m = members.get(rank);
                routes.add(route(family, destination, table, RouteScope.UNIVERSE, gateway(m, family),
                        m.link().ifindex(), null, balancing.metric() + rank));
            }
            recordShare(shares, family, members.getFirst(), BigDecimal.valueOf(100));
            return;
        }
        int totalWeight = members.stream().mapToInt(m -> m.provider().weight()).sum();
        for (ProviderAssessment m : members) {
            recordShare(shares, family, m, BigDecimal.valueOf(m.provider().weight() * 100L)
                    .divide(BigDecimal.valueOf(totalWeight), 2, RoundingMode.HALF_EVEN));
        }
        if (balancing.defaultRouteKind() == DefaultRouteKind.MULTIPATH) {
            routes.add(multipathRoute(family, destination, table, members, balancing.metric()));
            return;
        }
        List<Nexthop.Member> groupMembers = new ArrayList<>();
        for (ProviderAssessment m : members) {
            int id = memberId(m, family, all);
            nexthops.add(new Nexthop.Single(id, family, gateway(m, family), m.link().ifindex(), false, protocol));
            groupMembers.add(new Nexthop.Member(id, m.provider().weight()));
        }
        int groupId = (int) (family == Family.INET ? GROUP_ID_V4 : GROUP_ID_V6);
        boolean resilient = balancing.defaultRouteKind() == DefaultRouteKind.RESILIENT;
        nexthops.add(new Nexthop.Group(groupId, groupMembers,
                resilient ? GroupType.RESILIENT : GroupType.HASH_THRESHOLD,
                resilient ? new ResilientParams(balancing.buckets(), balancing.idleTimerSeconds() * 100L,
                        balancing.unbalancedTimerSeconds() * 100L) : null,
                protocol));
        routes.add(new Route(family, destination, table, RouteType.UNICAST, RouteScope.UNIVERSE, protocol,
                null, 0, null, balancing.metric(), List.of(), groupId));
    }

    /** Usable providers of the best tier; failover mode keeps every tier, best first. */
    private static List<ProviderAssessment> defaultMembers(Balancing balancing, Family family,
            List<ProviderAssessment> all) {
        List<ProviderAssessment> candidates = all.stream()
                .filter(a -> a.family(family).isPresent())
                .filter(a -> a.status() == OperStatus.UP || a.status() == OperStatus.DEGRADED
                        && a.provider().healthCheck().degraded().keepInDefaultRoute())
                .sorted(Comparator.comparingInt((ProviderAssessment a) -> a.provider().tier())
                        .thenComparing(a -> a.provider().name()))
                .toList();
        if (candidates.isEmpty()) {
            if (balancing.allDown() == Balancing.AllDown.UNREACHABLE) {
                return List.of();
            }
            return all.stream().filter(a -> a.family(family).isPresent() && a.linkUp())
                    .sorted(Comparator.comparing(a -> a.provider().name())).toList();
        }
        if (balancing.mode() == Balancing.Mode.FAILOVER) {
            return candidates;
        }
        int bestTier = candidates.getFirst().provider().tier();
        return candidates.stream().filter(a -> a.provider().tier() == bestTier).toList();
    }

    private Route multipathRoute(Family family, IpPrefix destination, long table, List<ProviderAssessment> members,
            long metric) {
        if (members.size() == 1) {
            ProviderAssessment only = members.getFirst();
            return route(family, destination, table, RouteScope.UNIVERSE, gateway(only, family),
                    only.link().ifindex(), null, metric);
        }
        List<RoutePath> paths = members.stream()
                .map(m -> new RoutePath(gateway(m, family), m.link().ifindex(), m.provider().weight()))
                .toList();
        return new Route(family, destination, table, RouteType.UNICAST, RouteScope.UNIVERSE, protocol, null,
                0, null, metric, paths, 0);
    }

    private static void recordShare(Map<String, BigDecimal> shares, Family family, ProviderAssessment m,
            BigDecimal share) {
        // A provider's share is reported for IPv4 when it routes IPv4, else for IPv6.
        if (family == Family.INET || m.family(Family.INET).isEmpty()) {
            shares.put(m.provider().name(), share);
        }
    }

    /** Member ids are stable while the set of providers is: they follow table-id order. */
    private static int memberId(ProviderAssessment member, Family family, List<ProviderAssessment> all) {
        List<Long> tables = all.stream().map(a -> a.provider().table()).sorted().toList();
        return MEMBER_ID_BASE + tables.indexOf(member.provider().table()) * 2 + (family == Family.INET ? 0 : 1);
    }

    private static InetAddress gateway(ProviderAssessment a, Family family) {
        return a.family(family).orElseThrow().gateway();
    }

    private List<Rule> policyRules(MultihomeConfig config, List<ProviderAssessment> assessments) {
        Map<String, ProviderAssessment> byName = new LinkedHashMap<>();
        assessments.forEach(a -> byName.put(a.provider().name(), a));
        boolean anyIpv6 = config.providers().stream().anyMatch(p -> p.ipv6() != null);
        List<Rule> rules = new ArrayList<>();
        List<Policy> ordered = config.policies().stream().sorted(Comparator.comparingInt(Policy::priority)).toList();
        for (Policy policy : ordered) {
            for (Family family : policyFamilies(policy, anyIpv6)) {
                int priority = OwnerTag.POLICY_RULE_BASE + policy.priority();
                switch (policy.action()) {
                    case Policy.Balanced b -> rules.add(balancedRule(policy, family, priority));
                    case Policy.ViaProvider via -> {
                        ProviderAssessment target = byName.get(via.provider());
                        if (target.family(family).isEmpty() && target.provider().family(family) == null) {
                            continue;
                        }
                        if (target.usable() && target.family(family).isPresent()) {
                            rules.add(policyRule(policy, family, priority, target.provider().table(),
                                    RuleAction.TO_TABLE));
                        } else if (via.whenDown() == Policy.WhenDown.DROP) {
                            rules.add(policyRule(policy, family, priority, 0, RuleAction.UNREACHABLE));
                        }
                    }
                }
            }
        }
        return rules;
    }

    private static List<Family> policyFamilies(Policy policy, boolean anyIpv6) {
        if (policy.source() != null) {
            return List.of(policy.source().family());
        }
        if (policy.destination() != null) {
            return List.of(policy.destination().family());
        }
        return anyIpv6 ? List.of(Family.INET, Family.INET6) : List.of(Family.INET);
    }

    /** Continues at the rules that make the balanced default: main without its defaults, then ours. */
    private Rule balancedRule(Policy policy, Family family, int priority) {
        return new Rule(family, priority, policy.source(), policy.destination(), policy.inputInterface(), null, 0, 0,
                policy.protocol(), policy.sourcePorts(), policy.destinationPorts(), 0, RuleAction.GOTO, protocol,
                Rule.NO_SUPPRESSION, OwnerTag.MAIN_WITHOUT_DEFAULT_PRIORITY);
    }

    private Rule policyRule(Policy policy, Family family, int priority, long table, RuleAction action) {
        return rule(family, priority, policy.source(), policy.destination(), policy.inputInterface(),
                policy.protocol(), policy.sourcePorts(), policy.destinationPorts(), table, action);
    }

    private Rule rule(Family family, int priority, IpPrefix source, IpPrefix destination, String iif,
            int ipProtocol, PortRange sport, PortRange dport,
            long table, RuleAction action) {
        return new Rule(family, priority, source, destination, iif, null, 0, 0, ipProtocol, sport, dport, table,
                action, protocol);
    }

    private Route route(Family family, IpPrefix destination, long table, RouteScope scope,
            InetAddress gateway, int oif, InetAddress prefsrc, long metric) {
        return new Route(family, destination, table, RouteType.UNICAST, scope, protocol, gateway, oif, prefsrc,
                metric, List.of(), 0);
    }

    private static Map<String, String> sysctls(Balancing balancing) {
        Map<String, String> out = new TreeMap<>();
        String policy = Integer.toString(balancing.hashPolicy().sysctlValue());
        out.put("ipv4/fib_multipath_hash_policy", policy);
        out.put("ipv6/fib_multipath_hash_policy", policy);
        if (balancing.hashPolicy() == Balancing.HashPolicy.CUSTOM) {
            int mask = balancing.hashFields().stream().mapToInt(Balancing.HashField::bit).reduce(0, (x, y) -> x | y);
            String fields = Integer.toString(mask);
            out.put("ipv4/fib_multipath_hash_fields", fields);
            out.put("ipv6/fib_multipath_hash_fields", fields);
        }
        return out;
    }

    private static Map<Long, String> tableNames(Balancing balancing, List<ProviderAssessment> assessments) {
        Map<Long, String> names = new TreeMap<>();
        names.put(balancing.table(), Balancing.DEFAULT_TABLE_NAME);
        for (ProviderAssessment a : assessments) {
            Provider p = a.provider();
            if (p.enabled() && p.tableName() != null) {
                names.put(p.table(), p.tableName());
            }
        }
        return names;
    }
}
