package net.multihome.netconf.notify;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
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
 * only. DOM is not thread-safe, so each queued event is this subscription's own copy.
 */
final class Subscription {
    static final int QUEUE_LIMIT = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(Subscription.class);

    private final NetconfSession session;
    private final Optional<SubtreeFilter> filter;
    private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE_LIMIT);
    /** Dropped since the client last took one: one log line per stall, not one per event. */
    private final AtomicLong dropped = new AtomicLong();
    private final Thread sender;

    Subscription(NetconfSession session, Optional<SubtreeFilter> filter) {
        this.session = session;
        this.filter = filter;
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
        Document own = XmlDocuments.newDocument();
        Event copy = new Event((Element) own.importNode(event.content(), true), event.time());
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
                Event event = queue.take();
                session.sendNotification(event.content(), event.time());
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
}
