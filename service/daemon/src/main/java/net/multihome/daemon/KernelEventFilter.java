package net.multihome.daemon;

import java.util.function.Predicate;
import net.multihome.netlink.NetlinkEvent;

/**
 * Which kernel events call for a reconcile pass: everything except the echo of our own
 * additions. Deletions of ours count (someone removed them, or the kernel did silently on a
 * link change), and so do others' changes (links, addresses, a DHCP default route).
 */
record KernelEventFilter(int ownProtocol) implements Predicate<NetlinkEvent> {

    @Override
    public boolean test(NetlinkEvent event) {
        return switch (event) {
            case NetlinkEvent.RouteEvent e -> !ownAddition(e.change(), e.route().protocol());
            case NetlinkEvent.RuleEvent e -> !ownAddition(e.change(), e.rule().protocol());
            case NetlinkEvent.NexthopEvent e -> !ownAddition(e.change(), e.nexthop().protocol());
            default -> true;
        };
    }

    private boolean ownAddition(NetlinkEvent.Change change, int protocol) {
        return change == NetlinkEvent.Change.NEW && protocol == ownProtocol;
    }
}
