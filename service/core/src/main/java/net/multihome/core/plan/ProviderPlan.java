package net.multihome.core.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the planner decided for one provider, for state reporting.
 *
 * @param reason why the provider has its status, in words
 * @param families the address families with all values known
 * @param ifindex the uplink's interface index, 0 when it does not exist
 * @param defaultRouteShare percent of the main default route's weight it carries
 */
public record ProviderPlan(String name, OperStatus status, String reason, List<ResolvedFamily> families,
        int ifindex, BigDecimal defaultRouteShare) {

    public ProviderPlan {
        families = List.copyOf(families);
    }
}
