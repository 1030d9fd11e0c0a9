package net.multihome.netconf.monitoring;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.datastore.Errors;
import net.multihome.netconf.rpc.ErrorInfo;
import net.multihome.netconf.rpc.ErrorTag;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.rpc.RpcHandler;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.rpc.RpcRequest;
import net.multihome.netconf.xml.Dom;
import net.multihome.netconf.xml.XmlDocuments;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** RFC 6022 get-schema: the exact text of a served YANG module. */
public final class GetSchemaHandler implements RpcHandler {
    private static final String NS = Capabilities.MONITORING_NS;

    @Override
    public RpcReply handle(RpcRequest request, NetconfSession session) {
        Element op = request.operation();
        Optional<String> identifier = Dom.child(op, NS, "identifier").map(Dom::text);
        if (identifier.isEmpty()) {
            return RpcReply.error(Errors.protocol(ErrorTag.MISSING_ELEMENT, "get-schema needs <identifier>")
                    .withInfo(ErrorInfo.badElement("identifier")));
        }
        Optional<String> version = Dom.child(op, NS, "version").map(Dom::text).filter(v -> !v.isEmpty());
        Optional<String> format = Dom.child(op, NS, "format").map(Dom::text);
        if (format.isPresent() && !format.get().equals("yang") && !format.get().endsWith(":yang")) {
            return RpcReply.error(Errors.protocol(ErrorTag.INVALID_VALUE, "only the yang format is served")
                    .withInfo(ErrorInfo.badElement("format")));
        }
        List<YangSchema.ModuleFile> found = ServedModules.files().stream()
                .filter(m -> m.name().equals(identifier.get()))
                .filter(m -> version.isEmpty() || m.revision().equals(version.get()))
                .toList();
        if (found.isEmpty()) {
            return RpcReply.error(Errors.protocol(ErrorTag.INVALID_VALUE, "no schema " + identifier.get()
                    + version.map(v -> "@" + v).orElse("")).withInfo(ErrorInfo.badElement("identifier")));
        }
        if (found.size() > 1) {
            return RpcReply.error(Errors.protocol(ErrorTag.OPERATION_FAILED, "several revisions of "
                    + identifier.get() + ": give <version>").withAppTag("data-not-unique"));
        }
        try {
            Document doc = XmlDocuments.newDocument();
            Element data = doc.createElementNS(NS, "data");
            data.setTextContent(found.getFirst().text());
            return RpcReply.content(data);
        } catch (IOException e) {
            return RpcReply.error(Errors.application(ErrorTag.OPERATION_FAILED,
                    "cannot read " + found.getFirst().fileName() + ": " + e.getMessage()));
        }
    }
}
