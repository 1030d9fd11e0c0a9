package net.multihome.core.health;

import java.util.List;
import net.multihome.core.plan.Verdict;

/** The answer to the NETCONF {@code probe} RPC: one round's results and the verdict after it. */
public record ProbeReport(String provider, Verdict verdict, List<ProbeResult> results) {

    public ProbeReport {
        results = List.copyOf(results);
    }
}
