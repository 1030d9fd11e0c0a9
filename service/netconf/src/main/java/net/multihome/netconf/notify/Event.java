package net.multihome.netconf.notify;

import java.time.Instant;
import java.util.Objects;
import net.multihome.netconf.xml.XmlDocuments;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One notification's content and event time. The element is never changed after publishing and
 * is read only on the publishing thread; subscriptions queue copies.
 */
public record Event(Element content, Instant time) {
    public Event {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(time, "time");
    }

    /** A copy in a document of its own, for a reader on another thread. */
    Event copy() {
        Document own = XmlDocuments.newDocument();
        return new Event((Element) own.importNode(content, true), time);
    }
}
