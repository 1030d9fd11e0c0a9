package net.multihome.core.store;

import net.multihome.core.config.MultihomeConfig;

/**
 * Puts a validated configuration into effect (the daemon reconciles the kernel and waits for
 * the pass). On refusal the daemon restores the previous configuration itself; the running
 * datastore then stays unchanged and the client gets the kernel's words.
 */
@FunctionalInterface
public interface RunningConfigApplier {
    ApplyOutcome apply(MultihomeConfig next);
}
