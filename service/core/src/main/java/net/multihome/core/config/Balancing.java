package net.multihome.core.config;

import java.util.Set;

/**
 * How the default route spreads flows.
 *
 * @param hashFields fields hashed with {@link HashPolicy#CUSTOM}, empty otherwise
 * @param idleTimerSeconds resilient group idle timer
 * @param unbalancedTimerSeconds resilient group unbalanced timer, 0 = never
 * @param metric metric of the default route in the main table
 */
public record Balancing(
        Mode mode,
        HashPolicy hashPolicy,
        Set<HashField> hashFields,
        DefaultRouteKind defaultRouteKind,
        int buckets,
        int idleTimerSeconds,
        int unbalancedTimerSeconds,
        long metric,
        AllDown allDown) {

    public static final Balancing DEFAULTS = new Balancing(Mode.LOAD_BALANCE, HashPolicy.L4, Set.of(),
            DefaultRouteKind.RESILIENT, 128, 120, 300, 0, AllDown.USE_ALL);

    public Balancing {
        hashFields = Set.copyOf(hashFields);
    }

    /** Balancing mode. */
    public enum Mode { LOAD_BALANCE, FAILOVER }

    /** {@code fib_multipath_hash_policy} values, in kernel order. */
    public enum HashPolicy {
        L3, L4, L3_INNER, CUSTOM;

        /** The sysctl value. */
        public int sysctlValue() {
            return ordinal();
        }
    }

    /** {@code fib_multipath_hash_fields} bits, in kernel order (bit 0 first). */
    public enum HashField {
        SOURCE_IP, DESTINATION_IP, IP_PROTOCOL, FLOW_LABEL, SOURCE_PORT, DESTINATION_PORT,
        INNER_SOURCE_IP, INNER_DESTINATION_IP, INNER_IP_PROTOCOL, INNER_FLOW_LABEL,
        INNER_SOURCE_PORT, INNER_DESTINATION_PORT;

        public int bit() {
            return 1 << ordinal();
        }
    }

    /** The kernel object that carries the balanced default route. */
    public enum DefaultRouteKind { RESILIENT, HASH_THRESHOLD, MULTIPATH }

    /** Last resort when every enabled provider is down. */
    public enum AllDown { USE_ALL, UNREACHABLE }
}
