package net.multihome.netlink;

import net.multihome.netlink.model.Address;
import net.multihome.netlink.model.Link;
import net.multihome.netlink.model.Nexthop;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.Rule;

/**
 * A kernel notification seen by {@link NetlinkMonitor}. Events say "look again": the kernel
 * changes some state silently (see {@code kernel-notes.md}), so consumers should re-dump
 * rather than apply events as deltas.
 */
public sealed interface NetlinkEvent {

    /** {@code RTM_NEW*} (added or changed) versus {@code RTM_DEL*}. */
    enum Change { NEW, DELETED }

    record LinkEvent(Change change, Link link) implements NetlinkEvent {
    }

    record AddressEvent(Change change, Address address) implements NetlinkEvent {
    }

    record RouteEvent(Change change, Route route) implements NetlinkEvent {
    }

    record RuleEvent(Change change, Rule rule) implements NetlinkEvent {
    }

    record NexthopEvent(Change change, Nexthop nexthop) implements NetlinkEvent {
    }

    /** A message of a subscribed kind that the model cannot represent (e.g. an MPLS route). */
    record Undecoded(int messageType) implements NetlinkEvent {
    }

    /** The socket overflowed ({@code ENOBUFS}) and events were lost: re-dump everything. */
    record Overflow() implements NetlinkEvent {
    }
}
