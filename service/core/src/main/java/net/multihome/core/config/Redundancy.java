package net.multihome.core.config;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * This router's half of a redundant pair: keepalived's VRRP instance and conntrackd's sync link.
 *
 * @param syncInterface the direct link to the peer (VRRP advertisements and conntrackd's sync)
 * @param address this router's address on it
 * @param peerAddress the peer's address on it
 * @param allProvidersDownWeight how much the priority drops while no provider is up (254: fault)
 * @param configSync configuration sync with the peer
 */
public record Redundancy(String syncInterface, InetAddress address, InetAddress peerAddress, Vrrp vrrp,
        int allProvidersDownWeight, ConfigSync configSync) {

    /** A pair without configuration sync. */
    public Redundancy(String syncInterface, InetAddress address, InetAddress peerAddress, Vrrp vrrp,
            int allProvidersDownWeight) {
        this(syncInterface, address, peerAddress, vrrp, allProvidersDownWeight, ConfigSync.DISABLED);
    }

    /** A weight this large puts keepalived's instance in the fault state rather than lowering it. */
    public static final int FAULT_WEIGHT = 254;

    /**
     * The VRRP instance.
     *
     * @param virtualAddress the LAN gateway address
     * @param uplinkAddresses virtual addresses of providers both routers share, in configuration order
     */
    public record Vrrp(int virtualRouterId, int priority, Duration advertInterval, boolean preempt,
            VirtualAddress virtualAddress, List<UplinkAddress> uplinkAddresses) {

        public Vrrp {
            uplinkAddresses = List.copyOf(uplinkAddresses);
        }

        public Optional<UplinkAddress> uplinkAddress(String provider) {
            return uplinkAddresses.stream().filter(u -> u.provider().equals(provider)).findFirst();
        }
    }

    /** An IPv4 address with the prefix length of the network it is added to. */
    public record VirtualAddress(InetAddress address, int prefixLength) {

        @Override
        public String toString() {
            return address.getHostAddress() + "/" + prefixLength;
        }
    }

    /** A shared provider's virtual address. */
    public record UplinkAddress(String provider, VirtualAddress address) {
    }
}
