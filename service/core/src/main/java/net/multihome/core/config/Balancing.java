package net.multihome.core.config;

import java.util.Set;

/**
 * How the default route spreads flows.
 *
 * @param hashFields fields hashed with {@link HashPolicy#CUSTOM}, empty otherwise
 * @param idleTimerSeconds resilient group idle timer
 * @param unbalancedTimerSeconds resilient group unbalanced timer, 0 = never
 * @param metric metric of the default route in {@code table}
 * @param table the table of multihome's own that holds the default route; rules send every
 *     lookup there that the main table answers only with a default route
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
        long table,
        AllDown allDown) {

    /** The default route's table unless configured: far from the small ids put in rt_tables by hand. */
    public static final long DEFAULT_TABLE = 4200;
    /** Its name in rt_tables.d. */
    public static final String DEFAULT_TABLE_NAME = "multihome";


    public static final Balancing DEFAULTS = new Balancing(Mode.LOAD_BALANCE, HashPolicy.L4, Set.of(),
            DefaultRouteKind.RESILIENT, 128, 120, 300, 0, DEFAULT_TABLE, AllDown.USE_ALL);

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
