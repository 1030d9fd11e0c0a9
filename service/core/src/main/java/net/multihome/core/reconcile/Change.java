package net.multihome.core.reconcile;

import net.multihome.netlink.model.Nexthop;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.Rule;

/** One change to a kernel object, in the order the reconciler applies them. */
public sealed interface Change {

    /** Create, or overwrite one of ours with the same key ({@code ip route replace}). */
    record PutRoute(Route route, boolean replace) implements Change {
    }

    record DeleteRoute(Route route) implements Change {
    }

    record AddRule(Rule rule) implements Change {
    }

    record DeleteRule(Rule rule) implements Change {
    }

    /** Create, or overwrite one of ours with the same id ({@code ip nexthop replace}). */
    record PutNexthop(Nexthop nexthop, boolean replace) implements Change {
    }

    record DeleteNexthop(Nexthop nexthop) implements Change {
    }
}
