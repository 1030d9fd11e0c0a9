package net.multihome.core.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import net.multihome.core.config.ConnectionMarks;
import net.multihome.core.plan.NatPlan;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.IpAddresses;
import net.multihome.netlink.model.IpPrefix;
import net.multihome.netlink.model.PortRange;

/**
 * The daemon's nftables table, {@code inet multihome}, as libnftables JSON. Pure.
 *
 * <pre>
 * table inet multihome {
 *   chain mark-in {    # prerouting, mangle: before routing and before dnat
 *     iifname "if2" ct state new ct mark set ct mark &amp; ~OWNED | INBOUND | mark(isp2)
 *     ct direction reply ct mark &amp; INBOUND == INBOUND meta mark set ct mark &amp; PROVIDER_MASK
 *     ip saddr 10.0.0.32/27 ct direction original ct mark &amp; PROVIDER_MASK != 0 meta mark set ...  # sticky
 *   }
 *   chain port-forwards {  # prerouting, dstnat
 *     iifname "if2" ip daddr 203.0.113.66 tcp dport 8080 dnat ip to 10.0.0.10:80
 *   }
 *   chain mark-out {   # postrouting, mangle: a new connection leaving by a provider is its
 *     oifname "if1" ct state new ct mark set ct mark &amp; ~OWNED | mark(isp1)
 *   }
 *   chain source-nat {     # postrouting, srcnat
 *     oifname "if1" ip saddr 10.0.0.0/24 masquerade
 *     oifname "if1" ip6 saddr 2001:db8:100::/64 masquerade
 *   }
 * }
 * </pre>
 *
 * The replies' meta mark meets the planner's {@code fwmark} rules, which send them to the
 * provider's table; the connection marks tell which conntrack entries to delete when a
 * provider stops serving.
 */
public final class NatTable {

    public static final String FAMILY = "inet";
    public static final String NAME = "multihome";
    private static final long KEEP_OTHERS = ~ConnectionMarks.OWNED & 0xffffffffL;
    private static final String TABLE = "{\"family\":\"" + FAMILY + "\",\"name\":\"" + NAME + "\"}";

    private NatTable() {
    }

    /** Lists the table; fails with "No such file or directory" when it does not exist. */
    public static String list() {
        return "{\"nftables\":[{\"list\":{\"table\":" + TABLE + "}}]}";
    }

    /** Removes the table, if it exists, in one transaction. */
    public static String delete() {
        return "{\"nftables\":[{\"add\":{\"table\":" + TABLE + "}},{\"delete\":{\"table\":" + TABLE + "}}]}";
    }

    /** Replaces the table, whatever is in it now, by the plan's in one transaction. */
    public static String replace(NatPlan plan) {
        List<String> commands = new ArrayList<>();
        commands.add("{\"add\":{\"table\":" + TABLE + "}}");
        commands.add("{\"delete\":{\"table\":" + TABLE + "}}");
        commands.add("{\"add\":{\"table\":" + TABLE + "}}");
        chain(commands, "mark-in", "filter", "prerouting", -150);
        chain(commands, "port-forwards", "nat", "prerouting", -100);
        chain(commands, "mark-out", "filter", "postrouting", -150);
        chain(commands, "source-nat", "nat", "postrouting", 100);
        for (NatPlan.Uplink u : plan.uplinks()) {
            rule(commands, "mark-in", match("meta", "iifname", string(u.interfaceName())), newConnection(),
                    setConnectionMark(ConnectionMarks.INBOUND | u.mark()));
        }
        rule(commands, "mark-in", match("ct", "direction", string("reply")),
                "{\"match\":{\"op\":\"==\",\"left\":{\"&\":[{\"ct\":{\"key\":\"mark\"}}," + ConnectionMarks.INBOUND
                        + "]},\"right\":" + ConnectionMarks.INBOUND + "}}",
                restoreMark());
        for (NatPlan.Sticky sticky : plan.stickies()) {
            List<String> expressions = stickyMatch(sticky);
            expressions.add(match("ct", "direction", string("original")));
            expressions.add("{\"match\":{\"op\":\"!=\",\"left\":{\"&\":[{\"ct\":{\"key\":\"mark\"}},"
                    + ConnectionMarks.PROVIDER_MASK + "]},\"right\":0}}");
            expressions.add(restoreMark());
            rule(commands, "mark-in", expressions.toArray(String[]::new));
        }
        for (NatPlan.Forward f : plan.forwards()) {
            String transport = f.ipProtocol() == 6 ? "tcp" : "udp";
            rule(commands, "port-forwards", match("meta", "iifname", string(f.interfaceName())),
                    payloadMatch("ip", "daddr", string(IpAddresses.format(f.address()))),
                    payloadMatch(transport, "dport", Integer.toString(f.port())),
                    "{\"dnat\":{\"family\":\"ip\",\"addr\":" + string(IpAddresses.format(f.toAddress()))
                            + ",\"port\":" + f.toPort() + "}}");
        }
        for (NatPlan.Uplink u : plan.uplinks()) {
            rule(commands, "mark-out", match("meta", "oifname", string(u.interfaceName())), newConnection(),
                    setConnectionMark(u.mark()));
        }
        for (NatPlan.SourceNat s : plan.sourceNats()) {
            rule(commands, "source-nat", match("meta", "oifname", string(s.interfaceName())),
                    payloadMatch(ipProtocol(s.network()), "saddr", prefix(s.network())),
                    s.address() == null ? "{\"masquerade\":null}"
                            : "{\"snat\":{\"family\":\"ip\",\"addr\":" + string(IpAddresses.format(s.address())) + "}}");
        }
        StringJoiner out = new StringJoiner(",", "{\"nftables\":[", "]}");
        commands.forEach(out::add);
        return out.toString();
    }

    /** {@code meta mark set ct mark & PROVIDER_MASK}: the packet follows its connection's provider. */
    private static String restoreMark() {
        return "{\"mangle\":{\"key\":{\"meta\":{\"key\":\"mark\"}},\"value\":{\"&\":[{\"ct\":{\"key\":\"mark\"}},"
                + ConnectionMarks.PROVIDER_MASK + "]}}}";
    }

    private static List<String> stickyMatch(NatPlan.Sticky s) {
        List<String> out = new ArrayList<>();
        if (s.source() != null) {
            out.add(payloadMatch(ipProtocol(s.source()), "saddr", prefix(s.source())));
        }
        if (s.destination() != null) {
            out.add(payloadMatch(ipProtocol(s.destination()), "daddr", prefix(s.destination())));
        }
        if (s.inputInterface() != null) {
            out.add(match("meta", "iifname", string(s.inputInterface())));
        }
        if (s.ipProtocol() != 0) {
            out.add(match("meta", "l4proto", Integer.toString(s.ipProtocol())));
        }
        if (s.sourcePorts() != null) {
            out.add(payloadMatch("th", "sport", ports(s.sourcePorts())));
        }
        if (s.destinationPorts() != null) {
            out.add(payloadMatch("th", "dport", ports(s.destinationPorts())));
        }
        return out;
    }

    private static String ipProtocol(IpPrefix prefix) {
        return prefix.family() == Family.INET ? "ip" : "ip6";
    }

    private static String prefix(IpPrefix prefix) {
        return "{\"prefix\":{\"addr\":" + string(IpAddresses.format(prefix.address())) + ",\"len\":"
                + prefix.length() + "}}";
    }

    private static String ports(PortRange range) {
        return range.start() == range.end() ? Integer.toString(range.start())
                : "{\"range\":[" + range.start() + "," + range.end() + "]}";
    }

    private static void chain(List<String> commands, String name, String type, String hook, int priority) {
        commands.add("{\"add\":{\"chain\":{\"family\":\"" + FAMILY + "\",\"table\":\"" + NAME + "\",\"name\":\"" + name
                + "\",\"type\":\"" + type + "\",\"hook\":\"" + hook + "\",\"prio\":" + priority
                + ",\"policy\":\"accept\"}}}");
    }

    private static void rule(List<String> commands, String chain, String... expressions) {
        commands.add("{\"add\":{\"rule\":{\"family\":\"" + FAMILY + "\",\"table\":\"" + NAME + "\",\"chain\":\"" + chain
                + "\",\"expr\":[" + String.join(",", expressions) + "]}}}");
    }

    private static String match(String kind, String key, String right) {
        return "{\"match\":{\"op\":\"==\",\"left\":{\"" + kind + "\":{\"key\":\"" + key + "\"}},\"right\":" + right + "}}";
    }

    private static String payloadMatch(String protocol, String field, String right) {
        return "{\"match\":{\"op\":\"==\",\"left\":{\"payload\":{\"protocol\":\"" + protocol + "\",\"field\":\"" + field
                + "\"}},\"right\":" + right + "}}";
    }

    private static String newConnection() {
        return "{\"match\":{\"op\":\"in\",\"left\":{\"ct\":{\"key\":\"state\"}},\"right\":\"new\"}}";
    }

    /** {@code ct mark set ct mark & ~OWNED | bits}: other software's bits stay. */
    private static String setConnectionMark(long bits) {
        return "{\"mangle\":{\"key\":{\"ct\":{\"key\":\"mark\"}},\"value\":{\"|\":[{\"&\":[{\"ct\":{\"key\":\"mark\"}},"
                + KEEP_OTHERS + "]}," + bits + "]}}}";
    }

    /** A JSON string; interface names and addresses need no escapes beyond these. */
    private static String string(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
