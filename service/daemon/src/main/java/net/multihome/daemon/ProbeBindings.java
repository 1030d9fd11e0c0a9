package net.multihome.daemon;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.function.Function;
import java.util.function.Supplier;
import net.multihome.core.config.AddressConfig;
import net.multihome.core.config.Provider;
import net.multihome.core.health.ProbeBinding;
import net.multihome.core.plan.ProviderPlan;
import net.multihome.core.plan.ResolvedFamily;
import net.multihome.core.reconcile.PassResult;
import net.multihome.netlink.model.Family;

/**
 * Where a provider's probes leave from: its interface and the address the last pass resolved
 * (configured or learned), so the source rule sends them out through that uplink only.
 */
record ProbeBindings(Supplier<PassResult> lastPass) implements Function<Provider, ProbeBinding> {

    @Override
    public ProbeBinding apply(Provider provider) {
        return new ProbeBinding(provider.interfaceName(),
                (Inet4Address) source(provider, Family.INET), (Inet6Address) source(provider, Family.INET6));
    }

    private InetAddress source(Provider provider, Family family) {
        PassResult pass = lastPass.get();
        if (pass != null) {
            for (ProviderPlan plan : pass.desired().providers()) {
                if (plan.name().equals(provider.name())) {
                    for (ResolvedFamily resolved : plan.families()) {
                        if (resolved.family() == family) {
                            return resolved.address();
                        }
                    }
                }
            }
        }
        AddressConfig configured = provider.family(family);
        return configured == null ? null : configured.address();
    }
}
