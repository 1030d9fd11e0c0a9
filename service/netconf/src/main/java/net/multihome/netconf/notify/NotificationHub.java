package net.multihome.netconf.notify;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.multihome.netconf.filter.SubtreeFilter;
import net.multihome.netconf.rpc.NetconfSession;

/**
 * The NETCONF event stream: hands each event to every live subscription, and keeps the last
 * {@link #REPLAY_LIMIT} for replay (RFC 5277 startTime). Publishing and subscribing take the
 * hub's lock, so a replaying subscriber gets every event once: from the log up to its
 * subscription, live after it.
 */
public final class NotificationHub {
    /** Events kept for replay, oldest dropped first. */
    public static final int REPLAY_LIMIT = 1024;

    private final Map<Long, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final NotificationAccess access;
    /** Guarded by this; each entry a copy in a document of its own, never changed. */
    private final Deque<Event> log = new ArrayDeque<>();

    public NotificationHub(NotificationAccess access) {
        this.access = access;
    }

    /**
     * @param replay the replay window: from its start, up to its stop when given; empty for live only
     * @return false when the session already has a subscription
     */
    boolean subscribe(NetconfSession session, Optional<SubtreeFilter> filter, Optional<Window> replay) {
        Subscription subscription = new Subscription(session, filter, replay.flatMap(Window::stop), access,
                ended -> subscriptions.remove(session.id(), ended));
        if (!register(session.id(), subscription, replay)) {
            return false;
        }
        subscription.start();
        // Outside the hub's lock: the session may run the hook at once when it has ended.
        session.onClose(s -> {
            if (subscriptions.remove(s.id(), subscription)) {
                subscription.stop();
            }
        });
        return true;
    }

    /** Adds the subscription and queues its replay, with no event published in between. */
    private synchronized boolean register(long sessionId, Subscription subscription, Optional<Window> replay) {
        if (subscriptions.putIfAbsent(sessionId, subscription) != null) {
            return false;
        }
        replay.ifPresent(window -> {
            log.stream().filter(window::contains).forEach(subscription::offer);
            subscription.replayComplete();
        });
        return true;
    }

    /** Whether any session listens; events nobody would receive need not be built. */
    public boolean hasSubscribers() {
        return !subscriptions.isEmpty();
    }

    /** Keeps the event for replay and queues it for every subscriber; never blocks on a client. */
    public synchronized void publish(Event event) {
        if (log.size() == REPLAY_LIMIT) {
            log.removeFirst();
        }
        log.addLast(event.copy());
        subscriptions.values().forEach(s -> s.offer(event));
    }

    /** Stops every sender thread. */
    public void close() {
        subscriptions.values().forEach(Subscription::stop);
        subscriptions.clear();
    }

    /** A replay window: events at or after {@code start}, and at or before {@code stop} when given. */
    record Window(Instant start, Optional<Instant> stop) {
        boolean contains(Event event) {
            return !event.time().isBefore(start) && stop.map(s -> !event.time().isAfter(s)).orElse(true);
        }
    }
}
