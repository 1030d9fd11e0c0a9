package net.multihome.core.config;

import java.util.List;
import java.util.Optional;

/**
 * A whole validated configuration. Lists keep the order of the datastore.
 *
 * @param redundancy this router's half of a redundant pair, or null for a router on its own
 */
public record MultihomeConfig(
        Balancing balancing,
        List<LocalNetwork> localNetworks,
        List<Provider> providers,
        List<Policy> policies,
        List<PortForward> portForwards,
        Management management,
        Redundancy redundancy) {

    public MultihomeConfig {
        localNetworks = List.copyOf(localNetworks);
        providers = List.copyOf(providers);
        policies = List.copyOf(policies);
        portForwards = List.copyOf(portForwards);
    }

    /** Whether the daemon translates anything, so owns an nftables table. */
    public boolean translates() {
        return !portForwards.isEmpty() || localNetworks.stream().anyMatch(LocalNetwork::translate);
    }

    /** No providers, no policies, management off: what a router without configuration runs. */
    public static MultihomeConfig empty() {
        return new MultihomeConfig(Balancing.DEFAULTS, List.of(), List.of(), List.of(), List.of(), Management.NONE, null);
    }

    public Optional<Redundancy> pair() {
        return Optional.ofNullable(redundancy);
    }

    /** The interface of the local network the pair's LAN virtual address lies in. */
    public Optional<String> pairLanInterface() {
        return pair().flatMap(r -> localNetworks.stream()
                .filter(l -> l.prefix().contains(r.vrrp().virtualAddress().address()))
                .map(LocalNetwork::interfaceName).findFirst());
    }

    public Optional<Provider> provider(String name) {
        return providers.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
