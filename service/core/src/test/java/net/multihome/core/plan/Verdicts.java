package net.multihome.core.plan;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Health verdicts for planner and reconciler tests. */
public final class Verdicts {

    /** The reason tests give a provider that health checks took down. */
    public static final String DOWN_REASON = "3 consecutive rounds with fewer than 1 of 1 targets answering";

    private Verdicts() {
    }

    /** Each named provider DOWN by health checks, with {@link #DOWN_REASON}. */
    public static Map<String, Verdict> down(String... providers) {
        Map<String, Verdict> out = new LinkedHashMap<>();
        for (String p : providers) {
            out.put(p, new Verdict(ProviderHealth.DOWN, DOWN_REASON, Instant.EPOCH));
        }
        return out;
    }
}
