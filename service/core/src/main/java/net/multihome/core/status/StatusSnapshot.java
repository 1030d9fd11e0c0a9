package net.multihome.core.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.netlink.model.Link;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.Rule;

/**
 * Everything the adapters report, taken at one moment.
 *
 * @param taken when the snapshot was made
 * @param started when the service started (sysUpTime counts from here)
 * @param config the running configuration
 * @param providers in configuration order
 * @param links every interface of the router's namespace, by ifindex order
 * @param routes every route of every table, ours ({@code ownerProtocol}) and others'
 * @param reconcilePasses reconcile passes since start
 * @param lastReconcileResult "ok" or the last failure in words
 * @param rules every policy rule, ours and others'
 * @param ownerProtocol the protocol number that marks kernel objects as multihome's
 */
public record StatusSnapshot(Instant taken, Instant started, MultihomeConfig config,
        List<ProviderStatus> providers, List<Link> links, List<Route> routes, long reconcilePasses,
        String lastReconcileResult, List<Rule> rules, int ownerProtocol) {

    public StatusSnapshot {
        providers = List.copyOf(providers);
        links = List.copyOf(links);
        routes = List.copyOf(routes);
        rules = List.copyOf(rules);
    }

    public Optional<ProviderStatus> provider(String name) {
        return providers.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
