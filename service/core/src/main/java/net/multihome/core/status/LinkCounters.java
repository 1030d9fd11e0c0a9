package net.multihome.core.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.multihome.netlink.model.Link;
import net.multihome.netlink.model.LinkStats;

/**
 * Keeps the counters of the status snapshot moving forward. Interfaces arrive from two readers,
 * reconcile passes and the counter refresher, and a pass planned against the last one carries
 * interfaces read earlier than the refresher's latest; so the newest list decides which
 * interfaces exist and their state, and each keeps whichever counters are further along.
 */
final class LinkCounters {

    private LinkCounters() {
    }

    static List<Link> advance(List<Link> current, List<Link> incoming) {
        Map<Integer, LinkStats> known = new HashMap<>();
        for (Link link : current) {
            if (link.stats() != null) {
                known.put(link.index(), link.stats());
            }
        }
        return incoming.stream().map(link -> {
            LinkStats before = known.get(link.index());
            return before != null && behind(link.stats(), before) ? withStats(link, before) : link;
        }).toList();
    }

    /** Whether {@code stats} was read before {@code other}: kernel counters only grow. */
    private static boolean behind(LinkStats stats, LinkStats other) {
        if (stats == null) {
            return true;
        }
        return stats.rxPackets() + stats.txPackets() < other.rxPackets() + other.txPackets()
                || stats.rxBytes() + stats.txBytes() < other.rxBytes() + other.txBytes();
    }

    private static Link withStats(Link link, LinkStats stats) {
        return new Link(link.index(), link.name(), link.adminUp(), link.carrier(), link.operState(), link.mtu(),
                link.alias(), link.kind(), stats);
    }
}
