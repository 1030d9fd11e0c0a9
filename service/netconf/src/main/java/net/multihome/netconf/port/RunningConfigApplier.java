package net.multihome.netconf.port;

import net.multihome.core.config.MultihomeConfig;

/**
 * Puts a validated configuration into effect (the daemon reconciles the kernel). On refusal the
 * daemon restores the previous configuration itself; the NETCONF running datastore then stays
 * unchanged and the client gets the kernel's words.
 */
@FunctionalInterface
public interface RunningConfigApplier {
    ApplyOutcome apply(MultihomeConfig next);
}
