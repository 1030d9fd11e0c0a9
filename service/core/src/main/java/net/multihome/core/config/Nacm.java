package net.multihome.core.config;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * NETCONF access control (RFC 8341), as {@code management/netconf/nacm} configures it.
 *
 * @param present whether the configuration has the container at all; without it there is no access control
 * @param groups group name to its members' user names
 */
public record Nacm(boolean present, boolean enabled, boolean readPermit, boolean writePermit, boolean execPermit,
                   Map<String, Set<String>> groups, List<RuleList> ruleLists) {

    /** No {@code nacm} container: the YANG defaults, not enforced. */
    public static final Nacm NONE = new Nacm(false, true, true, false, true, Map.of(), List.of());

    public Nacm {
        groups = Map.copyOf(groups);
        ruleLists = List.copyOf(ruleLists);
    }

    /** Whether rules are checked: the container is there and enable-nacm is true. */
    public boolean enforced() {
        return present && enabled;
    }

    /** The RFC 8341 access operations, by their names in access-operations-type. */
    public enum Access {
        CREATE("create"), READ("read"), UPDATE("update"), DELETE("delete"), EXEC("exec");

        private final String yangName;

        Access(String yangName) {
            this.yangName = yangName;
        }

        public String yangName() {
            return yangName;
        }

        public static Optional<Access> byName(String name) {
            return Arrays.stream(values()).filter(a -> a.yangName.equals(name)).findFirst();
        }
    }

    /** @param groups group names, {@code *} for all */
    public record RuleList(String name, Set<String> groups, List<Rule> rules) {
        public RuleList {
            groups = Set.copyOf(groups);
            rules = List.copyOf(rules);
        }
    }

    /**
     * @param module a module name, {@code *} for any
     * @param operations the access operations it covers
     */
    public record Rule(String name, String module, Target target, Set<Access> operations, boolean permit) {
        public Rule {
            operations = operations.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(operations));
        }
    }

    /** What a rule is about: its rule-type case, or everything when it has none. */
    public sealed interface Target {
        record Any() implements Target {
        }

        /** @param name an operation name, {@code *} for any */
        record Operation(String name) implements Target {
        }

        /** @param name a notification name, {@code *} for any */
        record Notification(String name) implements Target {
        }

        record Data(NacmPath path) implements Target {
        }
    }
}
