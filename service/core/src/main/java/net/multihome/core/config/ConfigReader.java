package net.multihome.core.config;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.multihome.core.config.Balancing.AllDown;
import net.multihome.core.config.Balancing.DefaultRouteKind;
import net.multihome.core.config.Balancing.HashField;
import net.multihome.core.config.Balancing.HashPolicy;
import net.multihome.core.config.Balancing.Mode;
import net.multihome.core.config.HealthCheck.Damping;
import net.multihome.core.config.HealthCheck.Degraded;
import net.multihome.core.config.HealthCheck.Method;
import net.multihome.core.config.HealthCheck.Target;
import net.multihome.core.config.Management.AuthProtocol;
import net.multihome.core.config.Management.Community;
import net.multihome.core.config.Management.Endpoint;
import net.multihome.core.config.Management.NotificationTarget;
import net.multihome.core.config.Management.NotificationType;
import net.multihome.core.config.Management.PrivProtocol;
import net.multihome.core.config.Management.SnmpUser;
import net.multihome.core.config.Management.SnmpVersion;
import net.multihome.core.config.Management.User;
import net.multihome.core.config.Policy.Action;
import net.multihome.core.config.Policy.WhenDown;
import net.multihome.core.config.Redundancy.UplinkAddress;
import net.multihome.core.config.Redundancy.VirtualAddress;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.IpAddresses;
import net.multihome.netlink.model.IpPrefix;
import net.multihome.netlink.model.PortRange;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * Turns the datastore's {@code multihome} container into the immutable model, applying YANG
 * defaults, then runs {@link ConfigValidator}. A pure function: no I/O, no kernel.
 */
public final class ConfigReader {

    private ConfigReader() {
    }

    /**
     * Reads and validates a configuration.
     *
     * @param multihome the container, or null for an empty datastore
     * @throws InvalidConfigException with every violation found, each with its path
     */
    public static MultihomeConfig read(ContainerNode multihome) throws InvalidConfigException {
        return read(multihome, new EntryCache());
    }

    /**
     * Reads and validates a configuration, taking each list entry and top-level container that
     * {@code cache} has seen (the same object) from there: the result is the same, only sooner.
     */
    public static MultihomeConfig read(ContainerNode multihome, EntryCache cache) throws InvalidConfigException {
        if (multihome == null) {
            return MultihomeConfig.empty();
        }
        List<ConfigError> errors = new ArrayList<>();
        DataView root = new DataView(multihome, InstancePath.ROOT, errors);
        EntryCache.Read known = cache.start();
        MultihomeConfig config = new MultihomeConfig(
                known.entry(root.container("balancing"), Balancing.class, ConfigReader::balancing, errors),
                root.list("local-network", "prefix").stream()
                        .map(v -> known.entry(v, LocalNetwork.class, ConfigReader::localNetwork, errors)).toList(),
                root.list("provider", "name").stream()
                        .map(v -> known.entry(v, Provider.class, p -> provider(p, known), errors)).toList(),
                root.list("policy", "name").stream()
                        .map(v -> known.entry(v, Policy.class, ConfigReader::policy, errors)).toList(),
                root.list("port-forward", "name").stream()
                        .map(v -> known.entry(v, PortForward.class, ConfigReader::portForward, errors)).toList(),
                known.entry(root.container("management"), Management.class, ConfigReader::management, errors),
                root.containerIfPresent("redundancy")
                        .map(v -> known.entry(v, Redundancy.class, ConfigReader::redundancy, errors)).orElse(null));
        known.finish();
        if (errors.isEmpty()) {
            errors.addAll(ConfigValidator.validate(config));
        }
        if (!errors.isEmpty()) {
            throw new InvalidConfigException(errors);
        }
        return config;
    }

    private static Balancing balancing(DataView v) {
        DataView route = v.container("default-route");
        Set<HashField> fields = EnumSet.noneOf(HashField.class);
        for (String field : v.leafList("hash-field")) {
            fields.add(HashField.valueOf(field.toUpperCase(Locale.ROOT).replace('-', '_')));
        }
        Balancing d = Balancing.DEFAULTS;
        HashPolicy policy = v.enumeration("hash-policy", HashPolicy.class, d.hashPolicy());
        if (policy == HashPolicy.CUSTOM && fields.isEmpty()) {
            v.error("hash-field", "hash-policy custom needs at least one hash-field");
        }
        if (policy != HashPolicy.CUSTOM && !fields.isEmpty()) {
            v.error("hash-field", "hash-field is only used with hash-policy custom, not " + v.text("hash-policy", "l4"));
        }
        return new Balancing(
                v.enumeration("mode", Mode.class, d.mode()),
                policy,
                fields,
                route.enumeration("kind", DefaultRouteKind.class, d.defaultRouteKind()),
                (int) route.number("buckets", d.buckets()),
                (int) route.number("idle-timer", d.idleTimerSeconds()),
                (int) route.number("unbalanced-timer", d.unbalancedTimerSeconds()),
                route.number("metric", d.metric()),
                route.number("table", d.table()),
                v.enumeration("all-down", AllDown.class, d.allDown()));
    }

    private static LocalNetwork localNetwork(DataView v) {
        IpPrefix prefix = prefix(v, "prefix");
        return new LocalNetwork(prefix, v.required("interface"), v.bool("translate", false));
    }

    private static PortForward portForward(DataView v) {
        int port = (int) v.number("port", 0);
        return new PortForward(v.text("name"), v.required("provider"),
                v.enumeration("protocol", PortForward.Protocol.class, PortForward.Protocol.TCP), port,
                address(v, "to-address", Family.INET), (int) v.number("to-port", port));
    }

    private static Nat nat(DataView v) {
        Nat.Mode mode = v.enumeration("mode", Nat.Mode.class, Nat.Mode.MASQUERADE);
        InetAddress address = address(v, "address", Family.INET);
        if (mode == Nat.Mode.SNAT && address == null) {
            v.error("address", "nat mode snat needs the address to translate to");
        }
        if (mode != Nat.Mode.SNAT && address != null) {
            v.error("address", "address is only used with nat mode snat, not " + v.text("mode", "masquerade"));
        }
        return new Nat(mode, address);
    }

    /**
     * A provider; its address families, health check and NAT as read before when their
     * container is the same object (an edit of its weight leaves them so).
     */
    private static Provider provider(DataView v, EntryCache.Read known) {
        DataView v4 = v.container("ipv4");
        AddressConfig ipv4 = v4.bool("enabled", true)
                ? known.entry(v4, AddressConfig.class, f -> addressFamily(f, Family.INET), v.errors()) : null;
        AddressConfig ipv6 = v.containerIfPresent("ipv6")
                .map(v6 -> known.entry(v6, AddressConfig.class, f -> addressFamily(f, Family.INET6), v.errors()))
                .orElse(null);
        if (ipv4 == null && ipv6 == null) {
            v.error("ipv4", "provider routes neither IPv4 nor IPv6: enable ipv4 or add an ipv6 container");
        }
        String table = v.required("table");
        return new Provider(
                v.text("name"),
                v.bool("enabled", true),
                v.text("description", ""),
                v.required("interface"),
                ipv4,
                ipv6,
                table == null ? 0 : Long.parseLong(table),
                v.text("table-name"),
                (int) v.number("weight", 1),
                (int) v.number("tier", 0),
                known.entry(v.container("health-check"), HealthCheck.class, ConfigReader::healthCheck, v.errors()),
                known.entry(v.container("nat"), Nat.class, ConfigReader::nat, v.errors()));
    }

    private static AddressConfig addressFamily(DataView v, Family family) {
        InetAddress address = address(v, "address", family);
        String length = v.text("prefix-length");
        InetAddress gateway = address(v, "gateway", family);
        if (length != null && address == null) {
            v.error("prefix-length", "prefix-length is given without the address it belongs to");
        }
        if (address != null && length == null) {
            v.error("prefix-length", "address " + address.getHostAddress()
                    + " needs its prefix-length (or leave both out to learn them from the interface)");
        }
        return new AddressConfig(family, address, length == null ? null : Integer.valueOf(length), gateway);
    }

    private static HealthCheck healthCheck(DataView v) {
        List<Target> targets = new ArrayList<>();
        for (DataView t : v.list("target", "address")) {
            InetAddress address = address(t, "address", null);
            Method method = t.enumeration("method", Method.class, Method.ICMP);
            int port = (int) t.number("port", 0);
            if (method == Method.TCP && port == 0) {
                t.error("port", "method tcp needs a port");
            }
            if (method == Method.ICMP && t.has("port")) {
                t.error("port", "a port is only used with method tcp");
            }
            targets.add(new Target(address, method, port));
        }
        DataView degraded = v.container("degraded");
        DataView damping = v.container("damping");
        String latency = degraded.text("latency-threshold");
        String loss = degraded.text("loss-threshold");
        return new HealthCheck(
                v.bool("enabled", true),
                targets,
                Duration.ofMillis(v.number("interval", 200)),
                Duration.ofMillis(v.number("timeout", 200)),
                (int) v.number("down-count", 3),
                (int) v.number("up-count", 5),
                (int) v.number("reliability", 1),
                (int) v.number("window", 50),
                new Degraded(latency == null ? null : Duration.ofMillis(Long.parseLong(latency)),
                        loss == null ? null : new BigDecimal(loss),
                        degraded.bool("keep-in-default-route", true)),
                new Damping(damping.bool("enabled", true),
                        (int) damping.number("max-flaps", 4),
                        Duration.ofSeconds(damping.number("flap-window", 60)),
                        Duration.ofSeconds(damping.number("hold-time", 10)),
                        Duration.ofSeconds(damping.number("max-hold-time", 300))));
    }

    private static Policy policy(DataView v) {
        String priority = v.required("priority");
        DataView match = v.container("match");
        DataView action = v.choice("action");
        Action chosen;
        if (action.has("provider")) {
            chosen = new Policy.ViaProvider(action.text("provider"),
                    action.enumeration("when-down", WhenDown.class, WhenDown.FALL_BACK));
        } else if (action.has("balanced")) {
            chosen = new Policy.Balanced();
        } else {
            v.error(null, "policy needs an action: a provider or balanced");
            chosen = new Policy.Balanced();
        }
        return new Policy(
                v.text("name"),
                priority == null ? 0 : Integer.parseInt(priority),
                match.has("source-prefix") ? prefix(match, "source-prefix") : null,
                match.has("destination-prefix") ? prefix(match, "destination-prefix") : null,
                match.text("input-interface"),
                (int) match.number("protocol", 0),
                match.containerIfPresent("source-port").map(ConfigReader::portRange).orElse(null),
                match.containerIfPresent("destination-port").map(ConfigReader::portRange).orElse(null),
                chosen,
                v.bool("sticky", false));
    }

    private static PortRange portRange(DataView v) {
        int start = (int) v.number("start", 0);
        int end = (int) v.number("end", start);
        if (end < start) {
            v.error("end", "port range ends (" + end + ") before it starts (" + start + ")");
            return PortRange.single(start);
        }
        return new PortRange(start, end);
    }

    private static Redundancy redundancy(DataView v) {
        DataView vrrp = v.container("vrrp");
        String id = vrrp.required("virtual-router-id");
        List<UplinkAddress> uplinks = vrrp.list("uplink-address", "provider").stream()
                .map(u -> new UplinkAddress(u.text("provider"), virtualAddress(u, "address")))
                .toList();
        v.required("sync-interface");
        v.required("address");
        v.required("peer-address");
        return new Redundancy(v.text("sync-interface"), address(v, "address", Family.INET),
                address(v, "peer-address", Family.INET),
                new Redundancy.Vrrp(id == null ? 0 : Integer.parseInt(id), (int) vrrp.number("priority", 100),
                        Duration.ofMillis(vrrp.number("advert-interval", 1000)), vrrp.bool("preempt", false),
                        vrrp.required("virtual-address") == null ? null : virtualAddress(vrrp, "virtual-address"),
                        uplinks),
                (int) v.container("track").number("all-providers-down", Redundancy.FAULT_WEIGHT),
                configSync(v.container("config-sync")));
    }

    private static ConfigSync configSync(DataView v) {
        return new ConfigSync(v.bool("enabled", false), (int) v.number("port", ConfigSync.DEFAULT_PORT),
                v.text("user"), v.number("epoch", 0));
    }

    /** {@code address/length} with host bits (a virtual address, not a network). */
    private static VirtualAddress virtualAddress(DataView v, String leaf) {
        String text = v.text(leaf);
        int slash = text.indexOf('/');
        try {
            InetAddress address = IpAddresses.parse(text.substring(0, slash));
            int length = Integer.parseInt(text.substring(slash + 1));
            if (Family.of(address) != Family.INET || length < 1 || length > 32) {
                v.error(leaf, "'" + text + "' is not an IPv4 address with a prefix length of 1 to 32");
                return null;
            }
            return new VirtualAddress(address, length);
        } catch (IllegalArgumentException e) {
            v.error(leaf, "'" + text + "': " + e.getMessage());
            return null;
        }
    }

    private static Management management(DataView v) {
        DataView nc = v.container("netconf");
        DataView snmp = v.container("snmp");
        List<User> users = nc.list("user", "name").stream()
                .map(u -> new User(u.text("name"), u.text("password-hash"), u.leafList("authorized-key")))
                .toList();
        Management.Netconf netconf = new Management.Netconf(nc.bool("enabled", true), endpoints(nc, 830), users,
                Duration.ofSeconds(nc.number("idle-timeout", 3600)), (int) nc.number("max-sessions", 16), nacm(nc));
        List<Community> communities = new ArrayList<>();
        for (DataView c : snmp.list("community", "name")) {
            List<IpPrefix> sources = new ArrayList<>();
            for (String source : c.leafList("source")) {
                sources.add(parsePrefix(c, "source", source));
            }
            if (sources.isEmpty()) {
                c.error("source", "community needs at least one allowed source network");
            }
            communities.add(new Community(c.text("name"), sources));
        }
        List<SnmpUser> snmpUsers = snmp.list("user", "name").stream()
                .map(u -> new SnmpUser(u.text("name"),
                        u.enumeration("auth-protocol", AuthProtocol.class, AuthProtocol.SHA_256),
                        u.required("auth-passphrase"),
                        u.enumeration("priv-protocol", PrivProtocol.class, PrivProtocol.AES_128),
                        u.text("priv-passphrase")))
                .toList();
        List<NotificationTarget> targets = snmp.list("notification-target", "name").stream()
                .map(t -> new NotificationTarget(t.text("name"), address(t, "address", null),
                        (int) t.number("port", 162),
                        t.enumeration("version", SnmpVersion.class, SnmpVersion.V2C),
                        t.text("community"), t.text("user"),
                        t.enumeration("type", NotificationType.class, NotificationType.TRAP)))
                .toList();
        Management.Snmp snmpSettings = new Management.Snmp(snmp.bool("enabled", true), endpoints(snmp, 161),
                communities, snmpUsers, targets, snmp.text("contact", ""), snmp.text("location", ""));
        DataView metrics = v.container("metrics");
        return new Management(netconf, snmpSettings,
                new Management.Metrics(metrics.bool("enabled", true), endpoints(metrics, 9813)));
    }

    private static Nacm nacm(DataView netconf) {
        Optional<DataView> present = netconf.containerIfPresent("nacm");
        if (present.isEmpty()) {
            return Nacm.NONE;
        }
        DataView v = present.get();
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        for (DataView group : v.container("groups").list("group", "name")) {
            groups.put(group.text("name"), new LinkedHashSet<>(group.leafList("user-name")));
        }
        List<Nacm.RuleList> lists = new ArrayList<>();
        for (DataView list : v.list("rule-list", "name")) {
            List<Nacm.Rule> rules = new ArrayList<>();
            for (DataView rule : list.list("rule", "name")) {
                rules.add(new Nacm.Rule(rule.text("name"), rule.text("module-name", "*"), nacmTarget(rule),
                        accessOperations(rule.text("access-operations", "*")),
                        "permit".equals(rule.required("action"))));
            }
            lists.add(new Nacm.RuleList(list.text("name"), new LinkedHashSet<>(list.leafList("group")), rules));
        }
        return new Nacm(true, v.bool("enable-nacm", true), "permit".equals(v.text("read-default", "permit")),
                "permit".equals(v.text("write-default", "deny")), "permit".equals(v.text("exec-default", "permit")),
                groups, lists);
    }

    /** RFC 8341 leaves rule paths to the server: a path it cannot follow is refused, not ignored. */
    private static Nacm.Target nacmTarget(DataView rule) {
        DataView type = rule.choice("rule-type");
        String rpc = type.text("rpc-name");
        String notification = type.text("notification-name");
        String path = type.text("path");
        if (rpc != null) {
            return new Nacm.Target.Operation(rpc);
        }
        if (notification != null) {
            return new Nacm.Target.Notification(notification);
        }
        if (path != null) {
            try {
                return new Nacm.Target.Data(NacmPath.parse(path));
            } catch (IllegalArgumentException e) {
                rule.error("path", "'" + path + "' is not a node instance identifier: " + e.getMessage());
            }
        }
        return new Nacm.Target.Any();
    }

    /** access-operations: {@code *}, or bits (yangtools gives a set, written "[create, read]"). */
    private static Set<Nacm.Access> accessOperations(String text) {
        if (text.equals("*")) {
            return EnumSet.allOf(Nacm.Access.class);
        }
        Set<Nacm.Access> out = EnumSet.noneOf(Nacm.Access.class);
        for (String bit : text.replaceAll("[\\[\\]]", " ").split("[,\\s]+")) {
            Nacm.Access.byName(bit).ifPresent(out::add);
        }
        return out;
    }

    private static List<Endpoint> endpoints(DataView v, int defaultPort) {
        return v.list("listen", "address").stream()
                .map(l -> new Endpoint(address(l, "address", null), (int) l.number("port", defaultPort)))
                .toList();
    }

    /** An address leaf, checked strictly (yangtools does not enforce the inet patterns). */
    private static InetAddress address(DataView v, String leaf, Family family) {
        String text = v.text(leaf);
        if (text == null) {
            return null;
        }
        try {
            InetAddress address = IpAddresses.parse(text);
            if (family != null && Family.of(address) != family) {
                v.error(leaf, "'" + text + "' is not an " + (family == Family.INET ? "IPv4" : "IPv6") + " address");
            }
            return address;
        } catch (IllegalArgumentException e) {
            v.error(leaf, e.getMessage());
            return null;
        }
    }

    private static IpPrefix prefix(DataView v, String leaf) {
        return parsePrefix(v, leaf, v.text(leaf));
    }

    private static IpPrefix parsePrefix(DataView v, String leaf, String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            v.error(leaf, "'" + text + "' needs a prefix length, e.g. " + text + "/24");
            return null;
        }
        try {
            InetAddress address = IpAddresses.parse(text.substring(0, slash));
            IpPrefix prefix = IpPrefix.parse(text);
            if (!prefix.address().equals(address)) {
                v.error(leaf, "'" + text + "' has host bits set; the network is " + prefix);
            }
            return prefix;
        } catch (IllegalArgumentException e) {
            v.error(leaf, e.getMessage());
            return null;
        }
    }
}
