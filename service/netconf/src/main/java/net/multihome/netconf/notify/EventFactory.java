package net.multihome.netconf.notify;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.multihome.core.status.ProviderStateChange;
import net.multihome.core.store.ConfirmEvent;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.monitoring.Capabilities;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.session.SessionEnd;
import net.multihome.netconf.xml.Dom;
import net.multihome.netconf.xml.XmlDocuments;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Builds the content elements of the notifications this server sends. */
final class EventFactory {
    private static final String NCN = Capabilities.NOTIFICATIONS_NS;
    private static final String MH = YangSchema.NAMESPACE;

    private EventFactory() {
    }

    static Element providerStateChange(ProviderStateChange change) {
        Element e = root(MH, "provider-state-change");
        Dom.appendLeaf(e, MH, "provider", change.provider());
        Dom.appendLeaf(e, MH, "old-status", change.oldStatus().yangName());
        Dom.appendLeaf(e, MH, "new-status", change.newStatus().yangName());
        if (change.reason() != null) {
            Dom.appendLeaf(e, MH, "reason", change.reason());
        }
        return e;
    }

    static Element sessionStart(NetconfSession session) {
        Element e = root(NCN, "netconf-session-start");
        user(e, session);
        return e;
    }

    static Element sessionEnd(NetconfSession session, SessionEnd end) {
        Element e = root(NCN, "netconf-session-end");
        user(e, session);
        end.killedBy().ifPresent(id -> Dom.appendLeaf(e, NCN, "killed-by", Long.toString(id)));
        Dom.appendLeaf(e, NCN, "termination-reason", end.reason().wireName());
        return e;
    }

    static Element configChange(Optional<NetconfSession> by, List<ConfigDiff.Change> changes) {
        Element e = root(NCN, "netconf-config-change");
        Element changedBy = Dom.append(e, NCN, "changed-by");
        if (by.isPresent()) {
            user(changedBy, by.get());
        } else {
            Dom.append(changedBy, NCN, "server");
        }
        Dom.appendLeaf(e, NCN, "datastore", "running");
        for (ConfigDiff.Change change : changes) {
            Element edit = Dom.append(e, NCN, "edit");
            Element target = Dom.appendLeaf(edit, NCN, "target", change.path());
            target.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:" + YangSchema.PREFIX, MH);
            Dom.appendLeaf(edit, NCN, "operation", change.operation());
        }
        return e;
    }

    static Element confirmedCommit(ConfirmEvent event, Optional<NetconfSession> session,
                                   Optional<Duration> timeout) {
        Element e = root(NCN, "netconf-confirmed-commit");
        session.ifPresent(s -> user(e, s));
        Dom.appendLeaf(e, NCN, "confirm-event", event.wireName());
        timeout.ifPresent(t -> Dom.appendLeaf(e, NCN, "timeout", Long.toString(t.toSeconds())));
        return e;
    }

    private static void user(Element parent, NetconfSession session) {
        Dom.appendLeaf(parent, NCN, "username", session.user());
        Dom.appendLeaf(parent, NCN, "session-id", Long.toString(session.id()));
        if (session.sourceAddress() != null) {
            Dom.appendLeaf(parent, NCN, "source-host", session.sourceAddress().getAddress().getHostAddress());
        }
    }

    private static Element root(String namespace, String name) {
        Document doc = XmlDocuments.newDocument();
        Element e = doc.createElementNS(namespace, name);
        doc.appendChild(e);
        return e;
    }
}
