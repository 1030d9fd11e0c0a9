package net.multihome.core.plan;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import net.multihome.netlink.model.IpPrefix;
import net.multihome.netlink.model.PortRange;

/**
 * The translation multihome's own nftables table carries, and which providers' connections may
 * live. Empty when the configuration translates nothing: then the table is absent.
 *
 * @param uplinks every enabled provider's interface and connection mark, whatever its health,
 *     so the table does not change when a provider fails or returns
 * @param sourceNats per translated local network and provider that translates
 * @param forwards port forwards whose provider has an IPv4 address now
 * @param serving the marks of providers that carry traffic now: connections of any other
 *     provider's mark are stale and go
 * @param stickies the matches of sticky policies, whose connections keep their provider
 */
public record NatPlan(List<Uplink> uplinks, List<SourceNat> sourceNats, List<Forward> forwards,
        Set<Long> serving, List<Sticky> stickies) {

    public static final NatPlan NONE = new NatPlan(List.of(), List.of(), List.of(), Set.of(), List.of());

    public NatPlan {
        uplinks = List.copyOf(uplinks);
        sourceNats = List.copyOf(sourceNats);
        forwards = List.copyOf(forwards);
        serving = Set.copyOf(serving);
        stickies = List.copyOf(stickies);
    }

    /** Whether there is anything to translate, so a table to own. */
    public boolean translates() {
        return !uplinks.isEmpty();
    }

    /** A provider's interface and the mark its connections carry. */
    public record Uplink(String interfaceName, long mark) {
    }

    /**
     * IPv4 sources in {@code network} leaving by {@code interfaceName} get {@code address}, or
     * the interface's address when it is null (masquerade).
     */
    public record SourceNat(IpPrefix network, String interfaceName, InetAddress address) {
    }

    /** A sticky policy's match; null or 0 fields match anything. */
    public record Sticky(IpPrefix source, IpPrefix destination, String inputInterface, int ipProtocol,
            PortRange sourcePorts, PortRange destinationPorts) {
    }

    /** Connections to {@code address:port} arriving on {@code interfaceName} go to {@code toAddress:toPort}. */
    public record Forward(String interfaceName, InetAddress address, int ipProtocol, int port,
            InetAddress toAddress, int toPort) {
    }
}
