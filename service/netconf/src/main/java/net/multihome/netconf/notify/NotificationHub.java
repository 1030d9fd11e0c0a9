package net.multihome.netconf.notify;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.multihome.netconf.filter.SubtreeFilter;
import net.multihome.netconf.rpc.NetconfSession;

/** The NETCONF event stream: hands each event to every live subscription. */
public final class NotificationHub {
    private final Map<Long, Subscription> subscriptions = new ConcurrentHashMap<>();

    /** @return false when the session already has a subscription */
    boolean subscribe(NetconfSession session, Optional<SubtreeFilter> filter) {
        Subscription subscription = new Subscription(session, filter);
        if (subscriptions.putIfAbsent(session.id(), subscription) != null) {
            return false;
        }
        subscription.start();
        session.onClose(s -> {
            if (subscriptions.remove(s.id(), subscription)) {
                subscription.stop();
            }
        });
        return true;
    }

    /** Whether any session listens; events nobody would receive need not be built. */
    public boolean hasSubscribers() {
        return !subscriptions.isEmpty();
    }

    /** Queues the event for every subscriber; never blocks on a client. */
    public void publish(Event event) {
        subscriptions.values().forEach(s -> s.offer(event));
    }

    /** Stops every sender thread. */
    public void close() {
        subscriptions.values().forEach(Subscription::stop);
        subscriptions.clear();
    }
}
