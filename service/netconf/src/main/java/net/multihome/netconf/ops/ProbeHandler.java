package net.multihome.netconf.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.datastore.DatastoreException;
import net.multihome.netconf.datastore.Errors;
import net.multihome.netconf.port.ProbeRound;
import net.multihome.netconf.port.ProbeRunner;
import net.multihome.netconf.port.TargetProbe;
import net.multihome.netconf.rpc.ErrorInfo;
import net.multihome.netconf.rpc.ErrorTag;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.rpc.RpcRequest;
import net.multihome.netconf.xml.Dom;
import net.multihome.netconf.xml.XmlDocuments;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The multihome {@code probe} RPC: one probe round on a provider, through the daemon's port. */
final class ProbeHandler extends Handler {
    private static final String NS = YangSchema.NAMESPACE;

    private final ProbeRunner probes;

    ProbeHandler(ProbeRunner probes) {
        this.probes = probes;
    }

    @Override
    RpcReply run(RpcRequest request, NetconfSession session) throws DatastoreException {
        String provider = Dom.child(request.operation(), NS, "provider").map(Dom::text)
                .orElseThrow(() -> new DatastoreException(Errors.protocol(ErrorTag.MISSING_ELEMENT,
                        "probe needs <provider>").withInfo(ErrorInfo.badElement("provider"))));
        Optional<ProbeRound> round = probes.probe(provider);
        if (round.isEmpty()) {
            throw new DatastoreException(Errors.at(ErrorTag.INVALID_VALUE, "/mh:probe/mh:provider",
                    "no provider named '" + provider + "'"));
        }
        Document doc = XmlDocuments.newDocument();
        List<Node> out = new ArrayList<>();
        Element status = doc.createElementNS(NS, "oper-status");
        status.setTextContent(round.get().operStatus().yangName());
        out.add(status);
        for (TargetProbe target : round.get().targets()) {
            Element t = doc.createElementNS(NS, "target");
            Dom.appendLeaf(t, NS, "address", target.address().getHostAddress());
            Dom.appendLeaf(t, NS, "answered", Boolean.toString(target.answered()));
            target.rttMicros().ifPresent(rtt -> Dom.appendLeaf(t, NS, "rtt", Long.toString(rtt)));
            target.error().ifPresent(error -> Dom.appendLeaf(t, NS, "error", error));
            out.add(t);
        }
        return new RpcReply.Content(out);
    }
}
