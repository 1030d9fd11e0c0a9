package net.multihome.core.lease;

import java.net.Inet4Address;

/**
 * One interface's DHCPv4 lease, as its client last reported it.
 *
 * @param interfaceName the interface the client runs on
 * @param event the client's last event (dhclient's {@code $reason}: BOUND, RENEW, EXPIRE, ...)
 * @param address the leased address, or null when the lease was lost
 * @param prefixLength length of the leased network (0 when lost)
 * @param gateway the first router the lease names, or null when it names none
 */
public record DhcpLease(String interfaceName, String event, Inet4Address address, int prefixLength,
        Inet4Address gateway) {

    public static DhcpLease lost(String interfaceName, String event) {
        return new DhcpLease(interfaceName, event, null, 0, null);
    }

    public boolean bound() {
        return address != null;
    }
}
