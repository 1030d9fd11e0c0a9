package net.multihome.core.status;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import net.multihome.core.plan.OperStatus;

/**
 * One provider as reported to NETCONF and SNMP.
 *
 * @param interfaceName uplink interface name from the configuration
 * @param ifindex kernel interface index, 0 when the interface does not exist
 * @param address IPv4 (else IPv6) address in use, or null when unknown
 * @param gateway gateway in use for the same family, or null
 * @param enabled administrative state from the configuration
 * @param defaultRouteShare percent of the main default route's weight carried now
 * @param transitions oper-status changes since start
 * @param lastChange when the oper-status last changed (service start if never)
 */
public record ProviderStatus(String name, String interfaceName, int ifindex, InetAddress address,
        InetAddress gateway, long table, boolean enabled, OperStatus operStatus, String reason, int weight,
        int tier, BigDecimal defaultRouteShare, ProbeStats stats, long transitions, Instant lastChange,
        List<TargetStatus> targets) {

    public ProviderStatus {
        targets = List.copyOf(targets);
    }
}
