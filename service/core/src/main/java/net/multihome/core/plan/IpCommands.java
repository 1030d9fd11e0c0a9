package net.multihome.core.plan;

import java.net.InetAddress;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.IntFunction;
import net.multihome.netlink.Change;
import net.multihome.netlink.model.Address;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.IpAddresses;
import net.multihome.netlink.model.Nexthop;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.RoutePath;
import net.multihome.netlink.model.RouteType;
import net.multihome.netlink.model.Rule;
import net.multihome.netlink.model.RuleAction;

/**
 * Writes kernel objects as the {@code ip} commands that would create them, and changes as the
 * commands that would make them, so people can read a plan, compare it with a recipe, see what
 * the kernel holds and what it refused. Display only: the kernel is driven over netlink, never
 * through these lines.
 *
 * @param interfaceNames ifindex to interface name
 * @param tableNames table id to name (main is always named)
 */
public record IpCommands(IntFunction<String> interfaceNames, Map<Long, String> tableNames) {

    /** {@code ip route add ...}: the command that creates {@code r}. */
    public String route(Route r) {
        return change(new Change.AddRoute(r));
    }

    /** {@code ip rule add ...}: the command that creates {@code r}. */
    public String rule(Rule r) {
        return change(new Change.AddRule(r));
    }

    /** {@code ip nexthop add ...}: the command that creates {@code n}. */
    public String nexthop(Nexthop n) {
        return change(new Change.AddNexthop(n));
    }

    /**
     * The {@code ip} command that makes {@code change}, e.g. {@code ip route replace default via
     * 192.0.2.1 dev if1 table T1}; the verb is the change's own {@link Change#command()}.
     */
    public String change(Change change) {
        return switch (change) {
            case Change.AddRoute c -> route(c, c.route());
            case Change.ReplaceRoute c -> route(c, c.route());
            case Change.DeleteRoute c -> route(c, c.route());
            case Change.AddRule c -> rule(c, c.rule());
            case Change.DeleteRule c -> rule(c, c.rule());
            case Change.AddNexthop c -> nexthop(c, c.nexthop());
            case Change.ReplaceNexthop c -> nexthop(c, c.nexthop());
            case Change.DeleteNexthop c -> "ip " + c.command() + " id " + Integer.toUnsignedString(c.id());
            case Change.AddAddress c -> address(c, c.address());
            case Change.DeleteAddress c -> address(c, c.address());
            case Change.SetLinkUp c -> link(c, c.ifindex(), "up");
            case Change.SetLinkDown c -> link(c, c.ifindex(), "down");
        };
    }

    private String route(Change change, Route r) {
        StringJoiner out = new StringJoiner(" ");
        out.add(prefix(r.family()) + change.command());
        if (r.type() != RouteType.UNICAST) {
            out.add(r.type().name().toLowerCase(java.util.Locale.ROOT));
        }
        out.add(r.destination().isDefault() ? "default" : r.destination().toString());
        if (r.nexthopId() != 0) {
            out.add("nhid " + Integer.toUnsignedString(r.nexthopId()));
        }
        if (r.gateway() != null) {
            out.add("via " + address(r.gateway()));
        }
        if (r.oif() != 0) {
            out.add("dev " + interfaceNames.apply(r.oif()));
        }
        if (r.prefsrc() != null) {
            out.add("src " + address(r.prefsrc()));
        }
        if (r.metric() != 0) {
            out.add("metric " + r.metric());
        }
        if (r.table() != Planner.MAIN_TABLE) {
            out.add("table " + table(r.table()));
        }
        for (RoutePath path : r.multipath()) {
            out.add("nexthop via " + address(path.gateway()) + " dev " + interfaceNames.apply(path.ifindex())
                    + " weight " + path.weight());
        }
        return out.toString();
    }

    private String rule(Change change, Rule r) {
        StringJoiner out = new StringJoiner(" ");
        out.add(prefix(r.family()) + change.command() + " priority " + r.priority());
        if (r.source() != null) {
            out.add("from " + (r.source().isHost() ? address(r.source().address()) : r.source().toString()));
        }
        if (r.destination() != null) {
            out.add("to " + r.destination());
        }
        if (r.iifName() != null) {
            out.add("iif " + r.iifName());
        }
        if (r.ipProtocol() != 0) {
            out.add("ipproto " + r.ipProtocol());
        }
        if (r.sourcePorts() != null) {
            out.add("sport " + r.sourcePorts());
        }
        if (r.destinationPorts() != null) {
            out.add("dport " + r.destinationPorts());
        }
        out.add(switch (r.action()) {
            case TO_TABLE -> "lookup " + table(r.table());
            case GOTO -> "goto " + r.gotoPriority();
            default -> r.action().name().toLowerCase(java.util.Locale.ROOT);
        });
        if (r.suppressPrefixLength() != Rule.NO_SUPPRESSION) {
            out.add("suppress_prefixlength " + r.suppressPrefixLength());
        }
        return out.toString();
    }

    private String nexthop(Change change, Nexthop n) {
        String head = "ip " + change.command() + " id " + Integer.toUnsignedString(n.id());
        return switch (n) {
            case Nexthop.Single s -> head
                    + (s.blackhole() ? " blackhole" : (s.gateway() == null ? "" : " via " + address(s.gateway()))
                    + " dev " + interfaceNames.apply(s.ifindex()));
            case Nexthop.Group g -> {
                StringJoiner members = new StringJoiner("/");
                g.members().forEach(m -> members.add(Integer.toUnsignedString(m.id()) + "," + m.weight()));
                String type = g.resilient() == null ? " type mpath" : " type resilient buckets "
                        + g.resilient().buckets() + " idle_timer " + g.resilient().idleTimerCs() / 100
                        + " unbalanced_timer " + g.resilient().unbalancedTimerCs() / 100;
                yield head + " group " + members + type;
            }
        };
    }

    private String address(Change change, Address a) {
        return prefix(a.family()) + change.command() + " " + address(a.address()) + "/" + a.prefixLength() + " dev "
                + interfaceNames.apply(a.ifindex());
    }

    private String link(Change change, int ifindex, String state) {
        return "ip " + change.command() + " dev " + interfaceNames.apply(ifindex) + " " + state;
    }

    private String table(long id) {
        if (id == Planner.MAIN_TABLE) {
            return "main";
        }
        return tableNames.getOrDefault(id, Long.toString(id));
    }

    private static String prefix(Family family) {
        return family == Family.INET ? "ip " : "ip -6 ";
    }

    private static String address(InetAddress address) {
        return IpAddresses.format(address);
    }
}
