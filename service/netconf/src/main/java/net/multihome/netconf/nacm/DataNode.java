package net.multihome.netconf.nacm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A data node as access control sees it: the path from its top-level ancestor, and whether the
 * model marks it (or an ancestor, for writes) with nacm:default-deny-all or default-deny-write.
 */
public record DataNode(List<Step> steps, boolean denyAll, boolean denyWrite) {

    /**
     * @param module the name of the module defining the node
     * @param leaves the values of the node's child leaves, which key predicates compare with
     */
    public record Step(String module, String name, Map<String, String> leaves) {
        public Step {
            leaves = Map.copyOf(leaves);
        }
    }

    public DataNode {
        steps = List.copyOf(steps);
    }

    public String module() {
        return steps.getFirst().module();
    }

    /** This node's child: deny-write is inherited from the ancestors, deny-all is the child's own. */
    public DataNode child(Step step, boolean childDenyAll, boolean childDenyWrite) {
        List<Step> path = new ArrayList<>(steps);
        path.add(step);
        return new DataNode(path, childDenyAll, denyWrite || childDenyWrite || childDenyAll);
    }

    public static DataNode top(Step step, boolean denyAll, boolean denyWrite) {
        return new DataNode(List.of(step), denyAll, denyWrite || denyAll);
    }
}
