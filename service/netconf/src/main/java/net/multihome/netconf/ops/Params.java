package net.multihome.netconf.ops;

import java.util.Optional;
import net.multihome.core.store.Datastore;
import net.multihome.netconf.datastore.DatastoreException;
import net.multihome.netconf.datastore.Errors;
import net.multihome.netconf.filter.SubtreeFilter;
import net.multihome.netconf.filter.WithDefaultsMode;
import net.multihome.netconf.rpc.ErrorInfo;
import net.multihome.netconf.rpc.ErrorTag;
import net.multihome.netconf.rpc.Namespaces;
import net.multihome.netconf.xml.Dom;
import org.w3c.dom.Element;

/** Reading the parameters of base-namespace operations. */
final class Params {
    private Params() {
    }

    /** A parameter element in the base namespace (or, leniently, in none). */
    static Optional<Element> find(Element operation, String name) {
        for (Element child : Dom.children(operation)) {
            String ns = child.getNamespaceURI();
            if (name.equals(child.getLocalName()) && (ns == null || Namespaces.BASE.equals(ns))) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    static Element require(Element operation, String name) throws DatastoreException {
        return find(operation, name).orElseThrow(() -> new DatastoreException(Errors.missingElement(name)));
    }

    static Optional<String> text(Element operation, String name) {
        return find(operation, name).map(Dom::text);
    }

    /** A source or target: {@code <running/>}, {@code <candidate/>}, {@code <startup/>}, {@code <config>}. */
    static DatastoreRef ref(Element operation, String name) throws DatastoreException {
        Element holder = require(operation, name);
        var children = Dom.children(holder);
        if (children.size() != 1) {
            throw new DatastoreException(Errors.badElement(name, "<" + name + "> needs exactly one datastore"));
        }
        Element which = children.getFirst();
        if ("config".equals(which.getLocalName())) {
            return new DatastoreRef.Inline(which);
        }
        if ("url".equals(which.getLocalName())) {
            throw new DatastoreException(Errors.protocol(ErrorTag.OPERATION_NOT_SUPPORTED,
                    "the :url capability is not supported"));
        }
        return Datastore.byName(which.getLocalName()).<DatastoreRef>map(DatastoreRef.Named::new)
                .orElseThrow(() -> new DatastoreException(Errors.protocol(ErrorTag.INVALID_VALUE,
                        "unknown datastore <" + which.getLocalName() + ">")
                        .withInfo(ErrorInfo.badElement(which.getLocalName()))));
    }

    static Datastore named(Element operation, String name) throws DatastoreException {
        if (ref(operation, name) instanceof DatastoreRef.Named(Datastore d)) {
            return d;
        }
        throw new DatastoreException(Errors.badElement(name, "<" + name + "> must name a datastore here"));
    }

    /** The subtree filter, if any; xpath filters are refused (:xpath is not advertised). */
    static Optional<SubtreeFilter> filter(Element operation) throws DatastoreException {
        Optional<Element> filter = find(operation, "filter");
        if (filter.isEmpty()) {
            return Optional.empty();
        }
        String type = filter.get().getAttribute("type");
        if (!type.isEmpty() && !"subtree".equals(type)) {
            throw new DatastoreException(Errors.protocol(ErrorTag.OPERATION_NOT_SUPPORTED,
                    "only subtree filters are supported").withInfo(ErrorInfo.badAttribute("type")));
        }
        return Optional.of(SubtreeFilter.of(filter.get()));
    }

    static WithDefaultsMode withDefaults(Element operation) throws DatastoreException {
        Optional<Element> param = Dom.child(operation, WithDefaultsMode.NAMESPACE, "with-defaults");
        if (param.isEmpty()) {
            return WithDefaultsMode.EXPLICIT;
        }
        String value = Dom.text(param.get());
        return WithDefaultsMode.byName(value).orElseThrow(() -> new DatastoreException(Errors.protocol(
                ErrorTag.INVALID_VALUE, "unsupported with-defaults mode '" + value + "'")
                .withInfo(ErrorInfo.badElement("with-defaults"))));
    }
}
