package net.multihome.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.store.ApplyOutcome;
import net.multihome.core.store.RunningConfigApplier;

/** Records what it was asked to apply; refuses with the kernel's words when told to. */
public final class FakeApplier implements RunningConfigApplier {
    public final List<MultihomeConfig> applied = new CopyOnWriteArrayList<>();
    public volatile List<String> refusal = List.of();

    @Override
    public ApplyOutcome apply(MultihomeConfig next) {
        if (!refusal.isEmpty()) {
            return ApplyOutcome.refused(refusal);
        }
        applied.add(next);
        return ApplyOutcome.ok();
    }

    public MultihomeConfig last() {
        return applied.getLast();
    }
}
