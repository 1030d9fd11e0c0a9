package net.multihome.core.reconcile;

import java.time.Duration;
import java.util.List;
import net.multihome.core.plan.DesiredState;
import net.multihome.core.plan.KernelView;
import net.multihome.netlink.model.Link;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.Rule;

/**
 * The outcome of one reconcile pass.
 *
 * @param desired what the planner wanted
 * @param view the interfaces the planner saw
 * @param applied changes the kernel accepted
 * @param errors what the pass could not put in place: changes the kernel refused (with the change in
 *     {@code ip} syntax, the errno and the kernel's words), sysctls or the table names file
 * @param conflicts keys we want that objects of other owners hold (left alone)
 * @param links the interfaces as read at the start of the pass, with their counters
 * @param routes every route read at the start of the pass
 * @param rules every policy rule read at the start of the pass
 */
public record PassResult(DesiredState desired, KernelView view, int applied, List<PassError> errors,
        List<String> conflicts, Duration took, List<Link> links, List<Route> routes, List<Rule> rules) {

    public PassResult {
        links = List.copyOf(links);
        routes = List.copyOf(routes);
        rules = List.copyOf(rules);
        errors = List.copyOf(errors);
        conflicts = List.copyOf(conflicts);
    }

    /** Whether the kernel now holds everything wanted; false asks for a retry. */
    public boolean converged() {
        return errors.isEmpty() && conflicts.isEmpty();
    }

    /**
     * Whether every error is one that may pass by itself (a busy object, a full queue) and no
     * object of another owner is in the way: the next pass will likely converge unchanged.
     */
    public boolean onlyTransientErrors() {
        return !errors.isEmpty() && conflicts.isEmpty() && errors.stream().allMatch(PassError::retryable);
    }

    /** "ok", or the first problem in words (for status reporting). */
    public String summary() {
        if (!errors.isEmpty()) {
            return errors.size() + " change(s) refused: " + errors.getFirst().message();
        }
        if (!conflicts.isEmpty()) {
            return conflicts.size() + " conflict(s): " + conflicts.getFirst();
        }
        return "ok";
    }
}
