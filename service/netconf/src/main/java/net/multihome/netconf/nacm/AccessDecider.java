package net.multihome.netconf.nacm;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import net.multihome.core.config.Nacm.Access;
import net.multihome.core.config.Nacm;
import net.multihome.core.config.NacmPath;

/**
 * RFC 8341 3.4: whether a user may run an operation or access a data node under some rules.
 * Pure: the same rules, user and request always give the same answer.
 */
public final class AccessDecider {

    /** The recovery session's user (RFC 8341 3.2): access control never applies to it. */
    public static final String RECOVERY_USER = "root";

    /** Module prefixes the server knows, for rule paths written with a prefix rather than a module name. */
    private static final Map<String, String> PREFIXES = Map.of(
            "mh", "multihome", "nacm", "ietf-netconf-acm", "nc", "ietf-netconf",
            "ncm", "ietf-netconf-monitoring", "yanglib", "ietf-yang-library");

    private AccessDecider() {
    }

    /** RFC 8341 3.4.4, for an operation that is not close-session. */
    public static boolean mayExecute(Nacm rules, String user, String module, String operation,
                                     boolean defaultDenyAll) {
        if (bypassed(rules, user)) {
            return true;
        }
        Optional<Boolean> ruled = firstMatch(rules, user, Access.EXEC, module,
                target -> switch (target) {
                    case Nacm.Target.Any() -> true;
                    case Nacm.Target.Operation(String name) -> name.equals("*") || name.equals(operation);
                    default -> false;
                });
        if (ruled.isPresent()) {
            return ruled.get();
        }
        return !defaultDenyAll && rules.execPermit();
    }

    /** RFC 8341 3.4.5 (read, create, update, delete of one data node). */
    public static boolean mayAccess(Nacm rules, String user, DataNode node, Access access) {
        if (bypassed(rules, user)) {
            return true;
        }
        Optional<Boolean> ruled = firstMatch(rules, user, access, node.module(),
                target -> switch (target) {
                    case Nacm.Target.Any() -> true;
                    case Nacm.Target.Data(NacmPath path) -> covers(path, node);
                    default -> false;
                });
        if (ruled.isPresent()) {
            return ruled.get();
        }
        if (access == Access.READ) {
            return !node.denyAll() && rules.readPermit();
        }
        return !node.denyAll() && !node.denyWrite() && rules.writePermit();
    }

    /** RFC 8341 3.4.6: whether a notification may go to the user's subscription. */
    public static boolean mayReceive(Nacm rules, String user, String module, String notification) {
        if (bypassed(rules, user)) {
            return true;
        }
        return firstMatch(rules, user, Access.READ, module,
                target -> switch (target) {
                    case Nacm.Target.Any() -> true;
                    case Nacm.Target.Notification(String name) -> name.equals("*") || name.equals(notification);
                    default -> false;
                }).orElse(rules.readPermit());
    }

    /** Whether access control does not apply at all: not enforced, or the recovery session. */
    public static boolean bypassed(Nacm rules, String user) {
        return !rules.enforced() || RECOVERY_USER.equals(user);
    }

    /**
     * Whether every request of these kinds is permitted to the user, whatever it names: access
     * control does not apply, or the first rule that applies to the user (the first rule of the
     * first non-empty rule-list for one of its groups) matches any module and any operation, data
     * node or notification for all of {@code accesses}, and permits. That rule is then the first
     * match of every such request, so checking each request would only find it again; the
     * example's admin rule-list, {@code permit-all}, is one.
     */
    public static boolean permitsEvery(Nacm rules, String user, Set<Access> accesses) {
        if (bypassed(rules, user)) {
            return true;
        }
        Set<String> groups = groupsOf(rules, user);
        if (groups.isEmpty()) {
            return false;
        }
        for (Nacm.RuleList list : rules.ruleLists()) {
            if (!appliesTo(list, groups) || list.rules().isEmpty()) {
                continue;
            }
            Nacm.Rule first = list.rules().getFirst();
            return first.permit() && first.module().equals("*") && first.target() instanceof Nacm.Target.Any
                    && first.operations().containsAll(accesses);
        }
        return false;
    }

    // Loops rather than streams: these run for every RPC, and a stream's set-up cost most of it.
    private static Set<String> groupsOf(Nacm rules, String user) {
        Set<String> out = new HashSet<>();
        for (Map.Entry<String, Set<String>> group : rules.groups().entrySet()) {
            if (group.getValue().contains(user)) {
                out.add(group.getKey());
            }
        }
        return out;
    }

    private static boolean appliesTo(Nacm.RuleList list, Set<String> groups) {
        if (list.groups().contains("*")) {
            return true;
        }
        for (String group : list.groups()) {
            if (groups.contains(group)) {
                return true;
            }
        }
        return false;
    }

    /** The action of the first rule, in rule-list order, of a rule-list for one of the user's groups. */
    private static Optional<Boolean> firstMatch(Nacm rules, String user, Access access, String module,
                                                Predicate<Nacm.Target> targetMatches) {
        Set<String> groups = groupsOf(rules, user);
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        for (Nacm.RuleList list : rules.ruleLists()) {
            if (!appliesTo(list, groups)) {
                continue;
            }
            for (Nacm.Rule rule : list.rules()) {
                if ((rule.module().equals("*") || rule.module().equals(module))
                        && rule.operations().contains(access) && targetMatches.test(rule.target())) {
                    return Optional.of(rule.permit());
                }
            }
        }
        return Optional.empty();
    }

    /** A rule path controls the node it names and every node below it. */
    static boolean covers(NacmPath path, DataNode node) {
        if (path.steps().size() > node.steps().size()) {
            return false;
        }
        for (int i = 0; i < path.steps().size(); i++) {
            NacmPath.Step want = path.steps().get(i);
            DataNode.Step have = node.steps().get(i);
            if (!want.name().equals(have.name()) || !prefixMatches(want.prefix(), have.module())) {
                return false;
            }
            for (Map.Entry<String, String> key : want.keys().entrySet()) {
                if (!key.getValue().equals(have.leaves().get(key.getKey()))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean prefixMatches(String prefix, String module) {
        return prefix.isEmpty() || prefix.equals(module) || module.equals(PREFIXES.get(prefix));
    }
}
