package net.multihome.core.config;

import java.util.List;
import java.util.Optional;

/** A whole validated configuration. Lists keep the order of the datastore. */
public record MultihomeConfig(
        Balancing balancing,
        List<LocalNetwork> localNetworks,
        List<Provider> providers,
        List<Policy> policies,
        List<PortForward> portForwards,
        Management management) {

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
        return new MultihomeConfig(Balancing.DEFAULTS, List.of(), List.of(), List.of(), List.of(), Management.NONE);
    }

    public Optional<Provider> provider(String name) {
        return providers.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
