package net.multihome.snmp;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 * Sends notifications to every configured receiver on one thread of its own: SNMP4J's
 * originator waits for inform acknowledgements (timeout and retries per receiver), and the
 * publisher of provider events or the agent's start must not wait with it.
 */
final class NotificationSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);

    /** Informs acknowledged and not acknowledged since start. */
    record InformCounts(long acknowledged, long unacknowledged) {
    }

    private final NotificationOriginator originator;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "multihome-snmp-notify");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong unacknowledged = new AtomicLong();

    NotificationSender(NotificationOriginator originator) {
        this.originator = originator;
    }

    void send(OID notification, VariableBinding... varbinds) {
        thread.execute(() -> {
            try {
                count(originator.notify(new OctetString(), notification, varbinds));
            } catch (RuntimeException e) {
                LOG.warn("cannot send notification {}: {}", notification, e.toString(), e);
            }
        });
    }

    InformCounts informCounts() {
        return new InformCounts(acknowledged.get(), unacknowledged.get());
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
                acknowledged.incrementAndGet();
            } else {
                unacknowledged.incrementAndGet();
                LOG.warn("inform to {} was not acknowledged", event.getPeerAddress());
            }
        }
    }
}
