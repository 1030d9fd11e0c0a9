package net.multihome.core.config;

import java.util.ArrayList;
import java.util.List;
import net.multihome.netlink.model.Family;

/**
 * An ISP uplink.
 *
 * @param ipv4 IPv4 settings, or null when IPv4 is not routed through it
 * @param ipv6 IPv6 settings, or null when IPv6 is not routed through it
 * @param tableName name for rt_tables, or null
 * @param nat how translated local networks leave by it
 */
public record Provider(
        String name,
        boolean enabled,
        String description,
        String interfaceName,
        AddressConfig ipv4,
        AddressConfig ipv6,
        long table,
        String tableName,
        int weight,
        int tier,
        HealthCheck healthCheck,
        Nat nat) {

    /** A provider that masquerades translated networks, as one without a nat container does. */
    public Provider(String name, boolean enabled, String description, String interfaceName, AddressConfig ipv4,
            AddressConfig ipv6, long table, String tableName, int weight, int tier, HealthCheck healthCheck) {
        this(name, enabled, description, interfaceName, ipv4, ipv6, table, tableName, weight, tier, healthCheck,
                Nat.MASQUERADE);
    }

    /** The address families routed through this provider, IPv4 first. */
    public List<AddressConfig> families() {
        List<AddressConfig> out = new ArrayList<>(2);
        if (ipv4 != null) {
            out.add(ipv4);
        }
        if (ipv6 != null) {
            out.add(ipv6);
        }
        return out;
    }

    public AddressConfig family(Family family) {
        return family == Family.INET ? ipv4 : ipv6;
    }
}
