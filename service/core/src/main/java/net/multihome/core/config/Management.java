package net.multihome.core.config;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import net.multihome.netlink.model.IpPrefix;

/** How the router is managed: the NETCONF server, the SNMP agent and the metrics endpoint. */
public record Management(Netconf netconf, Snmp snmp, Metrics metrics) {

    /** No management section: the YANG defaults, enabled but listening nowhere. */
    public static final Management NONE = new Management(
            new Netconf(true, List.of(), List.of(), Duration.ofHours(1), 16),
            new Snmp(true, List.of(), List.of(), List.of(), List.of(), "", ""),
            new Metrics(true, List.of()));

    /** An address and port to listen on. */
    public record Endpoint(InetAddress address, int port) {
    }

    /** NETCONF server settings; idle timeout zero means never. */
    public record Netconf(boolean enabled, List<Endpoint> listen, List<User> users, Duration idleTimeout,
            int maxSessions, Nacm nacm) {

        public Netconf {
            listen = List.copyOf(listen);
            users = List.copyOf(users);
        }

        /** Settings without access control. */
        public Netconf(boolean enabled, List<Endpoint> listen, List<User> users, Duration idleTimeout,
                       int maxSessions) {
            this(enabled, listen, users, idleTimeout, maxSessions, Nacm.NONE);
        }
    }

    /** A NETCONF user; {@code passwordHash} null means no password login. */
    public record User(String name, String passwordHash, List<String> authorizedKeys) {

        public User {
            authorizedKeys = List.copyOf(authorizedKeys);
        }
    }

    /** SNMP agent settings. */
    public record Snmp(boolean enabled, List<Endpoint> listen, List<Community> communities, List<SnmpUser> users,
            List<NotificationTarget> targets, String contact, String location) {

        public Snmp {
            listen = List.copyOf(listen);
            communities = List.copyOf(communities);
            users = List.copyOf(users);
            targets = List.copyOf(targets);
        }
    }

    /** Prometheus metrics endpoint settings (HTTP). */
    public record Metrics(boolean enabled, List<Endpoint> listen) {

        public Metrics {
            listen = List.copyOf(listen);
        }
    }

    /** A v2c community and the networks it may be used from. */
    public record Community(String name, List<IpPrefix> sources) {

        public Community {
            sources = List.copyOf(sources);
        }
    }

    /** A v3 USM user; {@code privPassphrase} null with {@link PrivProtocol#NONE}. */
    public record SnmpUser(String name, AuthProtocol auth, String authPassphrase, PrivProtocol priv,
            String privPassphrase) {
    }

    /** SNMPv3 authentication protocols offered (SHA-2, RFC 7860). */
    public enum AuthProtocol { SHA_256, SHA_384, SHA_512 }

    /** SNMPv3 privacy protocols offered. */
    public enum PrivProtocol { NONE, AES_128, AES_256 }

    /**
     * A receiver of notifications; {@code community} for v2c, {@code user} for v3, the other null.
     */
    public record NotificationTarget(String name, InetAddress address, int port, SnmpVersion version,
            String community, String user, NotificationType type) {
    }

    /** SNMP versions for notifications. */
    public enum SnmpVersion { V2C, V3 }

    /** Trap (unacknowledged) or inform (acknowledged). */
    public enum NotificationType { TRAP, INFORM }
}
