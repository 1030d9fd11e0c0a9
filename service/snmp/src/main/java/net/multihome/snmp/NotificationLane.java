package net.multihome.snmp;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;
import org.snmp4j.PDU;
import org.snmp4j.agent.NotificationOriginator;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.VariableBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends notifications to one receiver on a virtual thread of its own, from a bounded queue:
 * waiting for an inform's acknowledgement (timeout and retries) delays this receiver only.
 * When the receiver falls behind, the oldest notifications are dropped, with one log line per stall.
 */
final class NotificationLane implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationLane.class);
    static final int CAPACITY = 256;

    /** Informs acknowledged and not, summed over every lane. */
    record Tally(AtomicLong acknowledged, AtomicLong unacknowledged) {
    }

    private record Notification(OID oid, VariableBinding[] varbinds) {
    }

    private final String receiver;
    private final NotificationOriginator originator;
    private final Tally tally;
    private final Deque<Notification> queue = new ArrayDeque<>();
    /** Dropped since the receiver last caught up: one log line per stall, not one per event. */
    private long dropped;
    private boolean closed;
    private final Thread worker;

    /** {@code receiver} names the target in log lines; {@code originator} sends to it alone. */
    NotificationLane(String receiver, NotificationOriginator originator, Tally tally) {
        this.receiver = receiver;
        this.originator = originator;
        this.tally = tally;
        this.worker = Thread.ofVirtual().name("multihome-snmp-notify-" + receiver).start(this::run);
    }

    void offer(OID oid, VariableBinding... varbinds) {
        boolean stalled;
        synchronized (this) {
            if (closed) {
                return;
            }
            stalled = queue.size() >= CAPACITY && dropped++ == 0;
            if (queue.size() >= CAPACITY) {
                queue.pollFirst();
            }
            queue.addLast(new Notification(oid, varbinds));
            notifyAll();
        }
        if (stalled) {
            LOG.warn("notification receiver {} falls behind; dropping its oldest notifications", receiver);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            queue.clear();
            notifyAll();
        }
        worker.interrupt();
        try {
            worker.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (true) {
                Notification next = take();
                if (next == null) {
                    return;
                }
                try {
                    Object sent = originator.notify(new OctetString(), next.oid(), next.varbinds());
                    if (isClosed()) {
                        return; // an inform cut short by close() was not refused by the receiver
                    }
                    count(sent);
                } catch (RuntimeException e) {
                    LOG.warn("cannot send notification {} to {}: {}", next.oid(), receiver, e.toString(), e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** The next notification, or null once closed. */
    private Notification take() throws InterruptedException {
        long lost;
        Notification next;
        synchronized (this) {
            while (queue.isEmpty() && !closed) {
                wait();
            }
            if (closed) {
                return null;
            }
            next = queue.pollFirst();
            lost = queue.isEmpty() ? dropped : 0;
            if (queue.isEmpty()) {
                dropped = 0;
            }
        }
        if (lost > 0) {
            LOG.warn("notification receiver {} caught up; {} notifications were dropped", receiver, lost);
        }
        return next;
    }

    private void count(Object result) {
        if (!(result instanceof ResponseEvent<?>[] events)) {
            return;
        }
        for (ResponseEvent<?> event : events) {
            if (event == null || event.getRequest() == null || event.getRequest().getType() != PDU.INFORM) {
                continue;
            }
            if (event.getResponse() != null) {
                tally.acknowledged().incrementAndGet();
            } else {
                tally.unacknowledged().incrementAndGet();
                LOG.warn("inform to {} was not acknowledged", receiver);
            }
        }
    }
}
