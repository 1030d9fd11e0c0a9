package net.multihome.netconf.monitoring;

import java.util.List;
import net.multihome.core.store.Datastore;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.xml.Dom;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The RFC 8525 {@code yang-library} container for {@code <get>}: one module set (multihome and
 * the NETCONF protocol modules implemented, the type modules import-only) used by every
 * datastore, and the content-id the hello advertises.
 */
public final class YangLibraryWriter {
    public static final String NS = "urn:ietf:params:xml:ns:yang:ietf-yang-library";
    private static final String DATASTORES_NS = "urn:ietf:params:xml:ns:yang:ietf-datastores";
    private static final String SET = "complete";

    /** Computed once: the namespaces come from a walk of the schema context. */
    private final List<ServedModules.ServedModule> modules;
    private final String contentId;

    public YangLibraryWriter(YangSchema schema, String contentId) {
        this.modules = ServedModules.all(schema);
        this.contentId = contentId;
    }

    public List<Element> contribute(Element multihome, Document doc) {
        Element library = doc.createElementNS(NS, "yang-library");
        Element set = Dom.append(library, NS, "module-set");
        Dom.appendLeaf(set, NS, "name", SET);
        for (ServedModules.ServedModule module : modules) {
            Element m = Dom.append(set, NS, module.implemented() ? "module" : "import-only-module");
            Dom.appendLeaf(m, NS, "name", module.file().name());
            Dom.appendLeaf(m, NS, "revision", module.file().revision());
            Dom.appendLeaf(m, NS, "namespace", module.namespace());
        }
        Element s = Dom.append(library, NS, "schema");
        Dom.appendLeaf(s, NS, "name", SET);
        Dom.appendLeaf(s, NS, "module-set", SET);
        for (Datastore d : Datastore.values()) {
            Element store = Dom.append(library, NS, "datastore");
            Element name = Dom.appendLeaf(store, NS, "name", "ds:" + d.yangName());
            name.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:ds", DATASTORES_NS);
            Dom.appendLeaf(store, NS, "schema", SET);
        }
        Dom.appendLeaf(library, NS, "content-id", contentId);
        return List.of(library);
    }
}
