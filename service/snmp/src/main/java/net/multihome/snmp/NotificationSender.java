package net.multihome.snmp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.multihome.core.config.Management;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;

/**
 * Hands every notification to one {@link NotificationLane} per configured receiver, so neither
 * the publisher of provider events nor the agent's start waits for an inform, and a receiver
 * that never answers delays only itself.
 */
final class NotificationSender implements AutoCloseable {

    /** Informs acknowledged and not acknowledged since start. */
    record InformCounts(long acknowledged, long unacknowledged) {
    }

    private final NotificationLane.Tally tally = new NotificationLane.Tally(new AtomicLong(), new AtomicLong());
    /** Replaced whole on reconfiguration, so senders read it without a lock. */
    private volatile Map<Management.NotificationTarget, NotificationLane> lanes = Map.of();

    void send(OID notification, VariableBinding... varbinds) {
        for (NotificationLane lane : lanes.values()) {
            lane.offer(notification, varbinds);
        }
    }

    /**
     * Gives each receiver a lane: an unchanged target keeps its lane and queue, a new or changed
     * one gets a lane of its own, and a removed one's lane is closed.
     */
    void route(List<NotificationTargets.Receiver> receivers) {
        Map<Management.NotificationTarget, NotificationLane> removed;
        synchronized (this) {
            removed = new HashMap<>(lanes);
            Map<Management.NotificationTarget, NotificationLane> next = new HashMap<>();
            for (NotificationTargets.Receiver receiver : receivers) {
                NotificationLane kept = removed.remove(receiver.target());
                next.put(receiver.target(), kept != null ? kept
                        : new NotificationLane(receiver.describe(), receiver.originator(), tally));
            }
            lanes = Map.copyOf(next);
        }
        // Outside the lock: closing waits for the lane's thread, perhaps in the middle of an inform.
        removed.values().forEach(NotificationLane::close);
    }

    InformCounts informCounts() {
        return new InformCounts(tally.acknowledged().get(), tally.unacknowledged().get());
    }

    @Override
    public void close() {
        Map<Management.NotificationTarget, NotificationLane> closing;
        synchronized (this) {
            closing = lanes;
            lanes = Map.of();
        }
        closing.values().forEach(NotificationLane::close);
    }
}
