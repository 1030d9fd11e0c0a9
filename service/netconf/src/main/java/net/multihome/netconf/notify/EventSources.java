package net.multihome.netconf.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.multihome.core.status.ProviderEvents;
import net.multihome.core.store.ClientSession;
import net.multihome.core.store.ConfirmEvent;
import net.multihome.core.store.ConfirmListener;
import net.multihome.core.store.RunningChangeListener;
import net.multihome.netconf.datastore.ConfigCodec;
import net.multihome.netconf.datastore.NetconfClient;
import net.multihome.netconf.datastore.SchemaTree;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.session.SessionEnd;
import net.multihome.netconf.session.SessionListener;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * Turns what happens in the service into events on the hub: sessions starting and ending,
 * running changes (also written to the audit trail), confirmed-commit events, and provider state
 * changes from the core's bus.
 */
public final class EventSources implements SessionListener, RunningChangeListener, ConfirmListener {
    private final NotificationHub hub;
    private final Clock clock;
    private final ConfigDiff diff;

    public EventSources(NotificationHub hub, Clock clock, ConfigCodec codec, SchemaTree schema) {
        this.hub = hub;
        this.clock = clock;
        this.diff = new ConfigDiff(schema, codec);
    }

    /** Forwards provider-state-change events; close the handle to stop. */
    public AutoCloseable follow(ProviderEvents events) {
        return events.subscribe(change -> hub.publish(new Event(EventFactory.providerStateChange(change),
                change.at() == null ? clock.instant() : change.at())));
    }

    @Override
    public void sessionStarted(NetconfSession session) {
        hub.publish(new Event(EventFactory.sessionStart(session), clock.instant()));
    }

    @Override
    public void sessionEnded(NetconfSession session, SessionEnd end) {
        hub.publish(new Event(EventFactory.sessionEnd(session, end), clock.instant()));
    }

    @Override
    public void runningChanged(ContainerNode before, ContainerNode after, Optional<ClientSession> by) {
        List<ConfigDiff.Change> changes = diff.diff(before, after);
        AuditTrail.record(netconf(by), changes);
        if (hub.hasSubscribers()) {
            hub.publish(new Event(EventFactory.configChange(netconf(by), changes), clock.instant()));
        }
    }

    @Override
    public void confirmEvent(ConfirmEvent event, Optional<ClientSession> session, Optional<Duration> timeout) {
        hub.publish(new Event(EventFactory.confirmedCommit(event, netconf(session), timeout), clock.instant()));
    }

    /** The NETCONF session behind a store client; another client (the CLI) counts as the server. */
    private static Optional<NetconfSession> netconf(Optional<ClientSession> client) {
        return client.filter(NetconfClient.class::isInstance).map(c -> ((NetconfClient) c).session());
    }
}
