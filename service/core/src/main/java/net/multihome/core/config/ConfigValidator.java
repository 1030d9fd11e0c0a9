package net.multihome.core.config;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.multihome.core.config.Management.NotificationTarget;
import net.multihome.core.config.Management.PrivProtocol;
import net.multihome.core.config.Management.SnmpUser;
import net.multihome.core.config.Management.SnmpVersion;
import net.multihome.core.config.Management.User;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.IpPrefix;

/**
 * The rules of a configuration that YANG cannot express (or that yangtools does not
 * evaluate): relations between providers, tables, policies and management settings.
 */
final class ConfigValidator {

    private static final Set<String> KERNEL_TABLE_NAMES = Set.of("unspec", "default", "main", "local");
    private static final Set<Integer> PORT_PROTOCOLS = Set.of(6, 17, 132);

    private ConfigValidator() {
    }

    static List<ConfigError> validate(MultihomeConfig config) {
        List<ConfigError> errors = new ArrayList<>();
        checkProviders(config, errors);
        checkLocalNetworks(config, errors);
        checkPolicies(config, errors);
        checkTranslation(config, errors);
        checkManagement(config.management(), errors);
        config.pair().ifPresent(pair -> checkRedundancy(config, pair, errors));
        return errors;
    }

    private static void checkProviders(MultihomeConfig config, List<ConfigError> errors) {
        Map<Long, String> tables = new HashMap<>();
        Map<String, String> tableNames = new HashMap<>();
        Map<String, String> endpoints = new HashMap<>();
        for (Provider p : config.providers()) {
            InstancePath path = InstancePath.ROOT.entry("provider", "name", p.name());
            String otherTable = tables.putIfAbsent(p.table(), p.name());
            if (otherTable != null) {
                errors.add(new ConfigError(path.child("table").text(),
                        "table " + p.table() + " is already used by provider " + otherTable));
            }
            if (p.table() == config.balancing().table()) {
                errors.add(new ConfigError(path.child("table").text(), "table " + p.table()
                        + " holds the default route (balancing/default-route/table); give the provider another"));
            }
            if (Balancing.DEFAULT_TABLE_NAME.equals(p.tableName())) {
                errors.add(new ConfigError(path.child("table-name").text(), "table name '"
                        + Balancing.DEFAULT_TABLE_NAME + "' names the default route's table"));
            }
            if (p.tableName() != null) {
                if (KERNEL_TABLE_NAMES.contains(p.tableName())) {
                    errors.add(new ConfigError(path.child("table-name").text(),
                            "table name '" + p.tableName() + "' belongs to the kernel"));
                }
                String otherName = tableNames.putIfAbsent(p.tableName(), p.name());
                if (otherName != null) {
                    errors.add(new ConfigError(path.child("table-name").text(),
                            "table name '" + p.tableName() + "' is already used by provider " + otherName));
                }
            }
            for (AddressConfig family : p.families()) {
                InstancePath familyPath = path.child(family.family() == Family.INET
                        ? "ipv4" : "ipv6");
                checkGateway(family, familyPath, errors);
                String endpoint = p.interfaceName() + " " + (family.address() == null
                        ? "learned " + family.family() : family.address().getHostAddress());
                String sharing = endpoints.putIfAbsent(endpoint, p.name());
                if (sharing != null) {
                    errors.add(new ConfigError(family.address() == null ? path.child("interface").text()
                            : familyPath.child("address").text(),
                            "provider " + sharing + " already uses interface " + p.interfaceName() + " with "
                                    + (family.address() == null ? "a learned address" : "address "
                                    + family.address().getHostAddress())));
                }
            }
            checkHealthCheck(p.healthCheck(), path.child("health-check"), errors);
        }
        checkAddressesUnique(config, errors);
    }

    private static void checkGateway(AddressConfig family, InstancePath path, List<ConfigError> errors) {
        IpPrefix network = family.network();
        InetAddress gateway = family.gateway();
        if (gateway == null || network == null) {
            return;
        }
        String where = path.child("gateway").text();
        if (gateway.equals(family.address())) {
            errors.add(new ConfigError(where, "gateway " + gateway.getHostAddress()
                    + " is the router's own address on this uplink"));
        } else if (gateway instanceof Inet6Address v6 && v6.isLinkLocalAddress()) {
            return;
        } else if (!network.contains(gateway)) {
            errors.add(new ConfigError(where, "gateway " + gateway.getHostAddress()
                    + " is outside the provider's network " + network));
        } else if (!network.isHost() && network.family() == Family.INET
                && network.length() < 31 && (gateway.equals(network.address()) || isBroadcast(gateway, network))) {
            errors.add(new ConfigError(where, "gateway " + gateway.getHostAddress()
                    + " is the network or broadcast address of " + network));
        }
    }

    private static boolean isBroadcast(InetAddress address, IpPrefix network) {
        byte[] bytes = address.getAddress();
        for (int bit = network.length(); bit < bytes.length * 8; bit++) {
            if ((bytes[bit / 8] & (0x80 >>> (bit % 8))) == 0) {
                return false;
            }
        }
        return true;
    }

    private static void checkAddressesUnique(MultihomeConfig config, List<ConfigError> errors) {
        Map<InetAddress, Provider> owners = new HashMap<>();
        for (Provider p : config.providers()) {
            for (AddressConfig family : p.families()) {
                if (family.address() == null) {
                    continue;
                }
                Provider other = owners.putIfAbsent(family.address(), p);
                // Same interface and address is reported as a shared uplink already.
                if (other != null && !other.interfaceName().equals(p.interfaceName())) {
                    InstancePath path = InstancePath.ROOT.entry("provider", "name", p.name())
                            .child(family.family() == Family.INET ? "ipv4" : "ipv6")
                            .child("address");
                    errors.add(new ConfigError(path.text(), "address " + family.address().getHostAddress()
                            + " is already provider " + other.name() + "'s address"));
                }
            }
        }
    }

    private static void checkHealthCheck(HealthCheck check, InstancePath path, List<ConfigError> errors) {
        if (check.enabled() && !check.targets().isEmpty() && check.reliability() > check.targets().size()) {
            errors.add(new ConfigError(path.child("reliability").text(), "reliability " + check.reliability()
                    + " asks for more answering targets than the " + check.targets().size() + " configured"));
        }
        if (check.damping().maxHoldTime().compareTo(check.damping().holdTime()) < 0) {
            errors.add(new ConfigError(path.child("damping").child("max-hold-time").text(),
                    "max-hold-time " + check.damping().maxHoldTime().toSeconds()
                            + " s is shorter than hold-time " + check.damping().holdTime().toSeconds() + " s"));
        }
    }

    private static void checkLocalNetworks(MultihomeConfig config, List<ConfigError> errors) {
        for (LocalNetwork local : config.localNetworks()) {
            if (local.prefix() == null) {
                continue;
            }
            InstancePath path = InstancePath.ROOT.entry("local-network", "prefix", local.prefix().toString());
            for (Provider p : config.providers()) {
                if (p.interfaceName().equals(local.interfaceName())) {
                    errors.add(new ConfigError(path.child("interface").text(), "interface " + local.interfaceName()
                            + " is provider " + p.name() + "'s uplink, not a local network"));
                }
                for (AddressConfig family : p.families()) {
                    IpPrefix network = family.network();
                    if (network != null && network.overlaps(local.prefix())) {
                        errors.add(new ConfigError(path.child("prefix").text(), "local network " + local.prefix()
                                + " overlaps provider " + p.name() + "'s network " + network));
                    }
                }
            }
        }
    }

    private static void checkRedundancy(MultihomeConfig config, Redundancy pair, List<ConfigError> errors) {
        InstancePath path = InstancePath.ROOT.child("redundancy");
        if (pair.address().equals(pair.peerAddress())) {
            errors.add(new ConfigError(path.child("peer-address").text(),
                    "peer-address " + pair.peerAddress().getHostAddress() + " is this router's own address"));
        }
        checkConfigSync(config, pair.configSync(), path.child("config-sync"), errors);
        InstancePath vrrp = path.child("vrrp");
        if (config.pairLanInterface().isEmpty()) {
            errors.add(new ConfigError(vrrp.child("virtual-address").text(), "virtual-address "
                    + pair.vrrp().virtualAddress() + " lies in no local network; its interface is where it goes"));
        }
        boolean syncIsLan = config.localNetworks().stream().anyMatch(l -> l.interfaceName().equals(pair.syncInterface()));
        boolean syncIsUplink = config.providers().stream().anyMatch(p -> p.interfaceName().equals(pair.syncInterface()));
        if (syncIsLan || syncIsUplink) {
            errors.add(new ConfigError(path.child("sync-interface").text(), "sync-interface " + pair.syncInterface()
                    + " is " + (syncIsLan ? "a local network's" : "a provider's") + " interface; the sync link is its own"));
        }
        for (Redundancy.UplinkAddress uplink : pair.vrrp().uplinkAddresses()) {
            InstancePath at = vrrp.entry("uplink-address", "provider", uplink.provider());
            Optional<Provider> provider = config.provider(uplink.provider());
            if (provider.isEmpty()) {
                errors.add(new ConfigError(at.child("provider").text(), "no provider " + uplink.provider()));
                continue;
            }
            Provider p = provider.get();
            InetAddress address = uplink.address().address();
            IpPrefix network = p.ipv4() == null ? null : p.ipv4().network();
            if (network != null && !network.contains(address)) {
                errors.add(new ConfigError(at.child("address").text(), "virtual address " + uplink.address()
                        + " is not on provider " + p.name() + "'s network " + network));
            }
            if (config.translates() && (p.nat().mode() != Nat.Mode.SNAT || !address.equals(p.nat().address()))) {
                errors.add(new ConfigError(at.child("address").text(), "provider " + p.name()
                        + " translates to " + (p.nat().mode() == Nat.Mode.SNAT ? p.nat().address().getHostAddress()
                        : "its own address (" + p.nat().mode().name().toLowerCase(Locale.ROOT) + ")")
                        + ", not to its virtual address: set its nat to mode snat, address "
                        + address.getHostAddress() + ", so its connections survive a switchover"));
            }
        }
    }

    private static void checkConfigSync(MultihomeConfig config, ConfigSync sync, InstancePath path,
            List<ConfigError> errors) {
        if (!sync.enabled()) {
            return;
        }
        if (sync.user() == null) {
            errors.add(new ConfigError(path.child("user").text(),
                    "user is required when config-sync is enabled: the NETCONF user to log in to the peer as"));
        } else if (config.management().netconf().users().stream().noneMatch(u -> u.name().equals(sync.user()))) {
            errors.add(new ConfigError(path.child("user").text(), "user " + sync.user()
                    + " is no NETCONF user (management/netconf/user) with both routers' client keys"));
        }
    }

    private static void checkTranslation(MultihomeConfig config, List<ConfigError> errors) {
        for (Provider p : config.providers()) {
            InstancePath path = InstancePath.ROOT.entry("provider", "name", p.name());
            InetAddress snat = p.nat().address();
            IpPrefix network = p.ipv4() == null ? null : p.ipv4().network();
            if (snat != null && network != null && !network.contains(snat)) {
                errors.add(new ConfigError(path.child("nat").child("address").text(), "snat address "
                        + snat.getHostAddress() + " is not on the uplink's network " + network));
            }
        }
        if (!config.translates()) {
            config.policies().stream().filter(Policy::sticky).forEach(p -> errors.add(new ConfigError(
                    path(p).child("sticky").text(), "sticky needs translation on (a local network with translate):"
                            + " the connection's mark remembers its provider")));
            return;
        }
        Map<Long, String> marks = new HashMap<>();
        for (Provider p : config.providers()) {
            InstancePath path = InstancePath.ROOT.entry("provider", "name", p.name());
            long mark = ConnectionMarks.of(p);
            String other = marks.putIfAbsent(mark, p.name());
            if (mark == 0 || other != null) {
                errors.add(new ConfigError(path.child("table").text(), "with translation on, a provider's table "
                        + "names it in connection marks by its low 8 bits: table " + p.table() + (mark == 0
                        ? " has none set" : " shares them with provider " + other + "'s table")));
            }
        }
        Map<String, String> forwarded = new HashMap<>();
        for (PortForward f : config.portForwards()) {
            InstancePath path = InstancePath.ROOT.entry("port-forward", "name", f.name());
            Optional<Provider> provider = config.provider(f.provider());
            if (provider.isPresent() && provider.get().ipv4() == null) {
                errors.add(new ConfigError(path.child("provider").text(), "provider " + f.provider()
                        + " routes no IPv4, so it has no address to forward from"));
            }
            if (f.toAddress() != null && config.localNetworks().stream()
                    .noneMatch(l -> l.prefix() != null && l.prefix().contains(f.toAddress()))) {
                errors.add(new ConfigError(path.child("to-address").text(), "to-address "
                        + f.toAddress().getHostAddress() + " is in no local network"));
            }
            String key = f.provider() + " " + f.protocol() + " " + f.port();
            String same = forwarded.putIfAbsent(key, f.name());
            if (same != null) {
                errors.add(new ConfigError(path.child("port").text(), "port-forward " + same + " already forwards "
                        + f.protocol().name().toLowerCase(Locale.ROOT) + " port " + f.port() + " of provider "
                        + f.provider()));
            }
        }
    }

    /** Made only for a violation: most configurations have none, and thousands of policies. */
    private static InstancePath path(Policy policy) {
        return InstancePath.ROOT.entry("policy", "name", policy.name());
    }

    private static void checkPolicies(MultihomeConfig config, List<ConfigError> errors) {
        Map<Integer, String> priorities = new HashMap<>();
        Set<String> providers = new HashSet<>();
        config.providers().forEach(p -> providers.add(p.name()));
        for (Policy policy : config.policies()) {
            String other = priorities.putIfAbsent(policy.priority(), policy.name());
            if (other != null) {
                errors.add(new ConfigError(path(policy).child("priority").text(),
                        "priority " + policy.priority() + " is already used by policy " + other));
            }
            if (policy.action() instanceof Policy.ViaProvider via && !providers.contains(via.provider())) {
                errors.add(new ConfigError(path(policy).child("provider").text(),
                        "no provider is named '" + via.provider() + "'"));
            }
            boolean ports = policy.sourcePorts() != null || policy.destinationPorts() != null;
            if (ports && !PORT_PROTOCOLS.contains(policy.protocol())) {
                errors.add(new ConfigError(path(policy).child("match").child("protocol").text(),
                        "matching on ports needs protocol 6 (tcp), 17 (udp) or 132 (sctp)"));
            }
            if (policy.source() != null && policy.destination() != null
                    && policy.source().family() != policy.destination().family()) {
                errors.add(new ConfigError(path(policy).child("match").child("destination-prefix").text(),
                        "source " + policy.source() + " and destination " + policy.destination()
                                + " are of different address families"));
            }
        }
    }

    private static void checkManagement(Management management, List<ConfigError> errors) {
        InstancePath netconf = InstancePath.ROOT.child("management").child("netconf");
        for (User user : management.netconf().users()) {
            if (user.passwordHash() == null && user.authorizedKeys().isEmpty()) {
                errors.add(new ConfigError(netconf.entry("user", "name", user.name()).text(),
                        "user " + user.name() + " has neither a password-hash nor an authorized-key"));
            }
        }
        InstancePath snmp = InstancePath.ROOT.child("management").child("snmp");
        Set<String> users = new HashSet<>();
        for (SnmpUser user : management.snmp().users()) {
            users.add(user.name());
            InstancePath path = snmp.entry("user", "name", user.name());
            if (user.priv() != PrivProtocol.NONE && user.privPassphrase() == null) {
                errors.add(new ConfigError(path.child("priv-passphrase").text(),
                        "priv-protocol " + user.priv().name().toLowerCase(Locale.ROOT).replace('_', '-')
                                + " needs a priv-passphrase"));
            }
            if (user.priv() == PrivProtocol.NONE && user.privPassphrase() != null) {
                errors.add(new ConfigError(path.child("priv-passphrase").text(),
                        "priv-passphrase is not used with priv-protocol none"));
            }
        }
        for (NotificationTarget target : management.snmp().targets()) {
            InstancePath path = snmp.entry("notification-target", "name", target.name());
            if (target.version() == SnmpVersion.V2C && target.community() == null) {
                errors.add(new ConfigError(path.child("community").text(), "a v2c target needs a community"));
            }
            if (target.version() == SnmpVersion.V3) {
                if (target.user() == null) {
                    errors.add(new ConfigError(path.child("user").text(), "a v3 target needs a user"));
                } else if (!users.contains(target.user())) {
                    errors.add(new ConfigError(path.child("user").text(),
                            "no SNMPv3 user is named '" + target.user() + "'"));
                }
            }
        }
    }
}
