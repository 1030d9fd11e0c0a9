package net.multihome.netconf.notify;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import net.multihome.netconf.filter.SubtreeFilter;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.xml.XmlDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One session's subscription: a bounded queue and a virtual thread that sends from it. When a
 * client does not read and the queue fills up, the oldest events are dropped for that client
 * only. DOM is not thread-safe, so each queued event is this subscription's own copy. With a
 * stop time (RFC 5277 replay), it sends notificationComplete then and ends.
 */
final class Subscription {
    static final int QUEUE_LIMIT = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(Subscription.class);

    /** RFC 5277's namespace of replayComplete and notificationComplete. */
    static final String NETMOD_NOTIFICATION = "urn:ietf:params:xml:ns:netmod:notification";

    private final NetconfSession session;
    private final Optional<SubtreeFilter> filter;
    private final Optional<Instant> stop;
    private final NotificationAccess access;
    private final Consumer<Subscription> ended;
    private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE_LIMIT);
    /** Dropped since the client last took one: one log line per stall, not one per event. */
    private final AtomicLong dropped = new AtomicLong();
    private final Thread sender;

    /** @param ended told when the subscription ends at its stop time */
    Subscription(NetconfSession session, Optional<SubtreeFilter> filter, Optional<Instant> stop,
            NotificationAccess access, Consumer<Subscription> ended) {
        this.session = session;
        this.filter = filter;
        this.stop = stop;
        this.access = access;
        this.ended = ended;
        this.sender = Thread.ofVirtual().name("netconf-notify-" + session.id()).unstarted(this::drain);
    }

    void start() {
        sender.start();
    }

    /** Called on the publisher's thread; the queued copy lives in a document of its own. */
    void offer(Event event) {
        if (filter.isPresent() && !filter.get().matches(event.content())) {
            return;
        }
        enqueue(event.copy());
    }

    /** Marks the end of the replayed events, which are queued before it. */
    void replayComplete() {
        enqueue(marker("replayComplete"));
    }

    private void enqueue(Event copy) {
        while (!queue.offer(copy)) {
            if (queue.poll() != null && dropped.getAndIncrement() == 0) {
                LOG.warn("session {} does not read its notifications: dropping the oldest until it does",
                        session.id());
            }
        }
    }

    void stop() {
        sender.interrupt();
    }

    private void drain() {
        try {
            while (session.isOpen()) {
                Event event = stop.isEmpty() ? queue.take()
                        : queue.poll(Math.max(0, Duration.between(Instant.now(), stop.get()).toMillis()),
                                TimeUnit.MILLISECONDS);
                if (event == null || stop.isPresent() && !isMarker(event) && event.time().isAfter(stop.get())) {
                    // Ended first: a client that reads notificationComplete may subscribe again at once.
                    ended.accept(this);
                    Event complete = marker("notificationComplete");
                    session.sendNotification(complete.content(), complete.time());
                    return;
                }
                // Asked here, on the sender's thread, with the rules of the moment it goes out.
                if (isMarker(event) || access.mayReceive(event.content(), session)) {
                    session.sendNotification(event.content(), event.time());
                }
                long lost = dropped.getAndSet(0);
                if (lost > 0) {
                    LOG.warn("session {} reads its notifications again; {} were dropped", session.id(), lost);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debug("session {} stopped taking notifications: {}", session.id(), e.toString());
        }
    }

    private static Event marker(String name) {
        Document doc = XmlDocuments.newDocument();
        Element content = doc.createElementNS(NETMOD_NOTIFICATION, name);
        doc.appendChild(content);
        return new Event(content, Instant.now());
    }

    private static boolean isMarker(Event event) {
        return NETMOD_NOTIFICATION.equals(event.content().getNamespaceURI());
    }
}
