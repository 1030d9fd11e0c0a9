package net.multihome.netlink;

import net.multihome.netlink.model.Address;
import net.multihome.netlink.model.Nexthop;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.Rule;

/**
 * Every change this library asks of the kernel, one record per kind. Each kind's netlink
 * request (message type, flags, encoding) and its {@code ip} wording ({@link #command()}) are
 * defined side by side in one switch, so what is logged is what was sent.
 */
public sealed interface Change {

    /** The {@code ip} subcommand that makes the same change, e.g. {@code "route replace"}. */
    default String command() {
        return Requests.of(this).operation();
    }

    /** {@code ip route add}: fails with EEXIST when the key exists. */
    record AddRoute(Route route) implements Change {
    }

    /** {@code ip route replace}: creates, or overwrites the route with the same key. */
    record ReplaceRoute(Route route) implements Change {
    }

    /** {@code ip route del}: only the key is sent. */
    record DeleteRoute(Route route) implements Change {
    }

    /** {@code ip rule add}. */
    record AddRule(Rule rule) implements Change {
    }

    /** {@code ip rule del}: selectors, priority and table. */
    record DeleteRule(Rule rule) implements Change {
    }

    /** {@code ip nexthop add}, a single nexthop or a group. */
    record AddNexthop(Nexthop nexthop) implements Change {
    }

    /** {@code ip nexthop replace}: creates, or overwrites the nexthop with the same id. */
    record ReplaceNexthop(Nexthop nexthop) implements Change {
    }

    /** {@code ip nexthop del id ID}. */
    record DeleteNexthop(int id) implements Change {
    }

    /** {@code ip address add}. */
    record AddAddress(Address address) implements Change {
    }

    /** {@code ip address del}. */
    record DeleteAddress(Address address) implements Change {
    }

    /** {@code ip link set dev DEV up}. */
    record SetLinkUp(int ifindex) implements Change {
    }

    /** {@code ip link set dev DEV down}. */
    record SetLinkDown(int ifindex) implements Change {
    }
}
