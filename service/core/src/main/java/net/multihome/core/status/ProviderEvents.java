package net.multihome.core.status;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The internal bus of provider state changes: the service publishes, NETCONF (notifications)
 * and SNMP (traps) subscribe. A failing subscriber is logged and does not stop the others.
 */
public final class ProviderEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderEvents.class);

    private final List<Consumer<ProviderStateChange>> subscribers = new CopyOnWriteArrayList<>();

    /** Subscribes; the returned handle unsubscribes. */
    public AutoCloseable subscribe(Consumer<ProviderStateChange> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** Delivers to every subscriber on the caller's thread, in subscription order. */
    public void publish(ProviderStateChange change) {
        for (Consumer<ProviderStateChange> subscriber : subscribers) {
            try {
                subscriber.accept(change);
            } catch (RuntimeException e) {
                LOG.warn("subscriber failed on {}: {}", change, e.toString(), e);
            }
        }
    }
}
