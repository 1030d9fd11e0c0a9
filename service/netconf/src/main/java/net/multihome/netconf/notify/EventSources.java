package net.multihome.netconf.notify;

import java.time.Duration;
import java.util.Optional;
import net.multihome.core.status.ProviderEvents;
import net.multihome.netconf.confirm.ConfirmEvent;
import net.multihome.netconf.confirm.ConfirmListener;
import net.multihome.netconf.datastore.ConfigCodec;
import net.multihome.netconf.datastore.RunningChangeListener;
import net.multihome.netconf.datastore.SchemaTree;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.session.SessionEnd;
import net.multihome.netconf.session.SessionListener;
import net.multihome.netconf.time.TimeSource;
import net.multihome.netconf.xml.XmlDocuments;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Turns what happens in the service into events on the hub: sessions starting and ending,
 * running changes, confirmed-commit events, and provider state changes from the core's bus.
 */
public final class EventSources implements SessionListener, RunningChangeListener, ConfirmListener {
    private final NotificationHub hub;
    private final TimeSource time;
    private final ConfigCodec codec;
    private final ConfigDiff diff;

    public EventSources(NotificationHub hub, TimeSource time, ConfigCodec codec, SchemaTree schema) {
        this.hub = hub;
        this.time = time;
        this.codec = codec;
        this.diff = new ConfigDiff(schema);
    }

    /** Forwards provider-state-change events; close the handle to stop. */
    public AutoCloseable follow(ProviderEvents events) {
        return events.subscribe(change -> hub.publish(new Event(EventFactory.providerStateChange(change),
                change.at() == null ? time.now() : change.at())));
    }

    @Override
    public void sessionStarted(NetconfSession session) {
        hub.publish(new Event(EventFactory.sessionStart(session), time.now()));
    }

    @Override
    public void sessionEnded(NetconfSession session, SessionEnd end) {
        hub.publish(new Event(EventFactory.sessionEnd(session, end), time.now()));
    }

    @Override
    public void runningChanged(ContainerNode before, ContainerNode after, Optional<NetconfSession> by) {
        if (!hub.hasSubscribers()) {
            return;
        }
        Document doc = XmlDocuments.newDocument();
        Element old = codec.toElement(before, doc);
        Element now = codec.toElement(after, doc);
        hub.publish(new Event(EventFactory.configChange(by, diff.diff(old, now)), time.now()));
    }

    @Override
    public void confirmEvent(ConfirmEvent event, Optional<NetconfSession> session, Optional<Duration> timeout) {
        hub.publish(new Event(EventFactory.confirmedCommit(event, session, timeout), time.now()));
    }
}
