package net.multihome.netconf.nacm;

import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveStatementEquivalent;
import org.opendaylight.yangtools.yang.model.api.meta.DeclaredStatement;
import org.opendaylight.yangtools.yang.model.api.meta.EffectiveStatement;

/** The RFC 8341 extensions the model puts on a schema node. */
final class ModelMarks {
    static final String NACM_NS = "urn:ietf:params:xml:ns:yang:ietf-netconf-acm";

    private ModelMarks() {
    }

    static boolean denyAll(DataSchemaNode node) {
        return has(node, "default-deny-all");
    }

    static boolean denyWrite(DataSchemaNode node) {
        return has(node, "default-deny-write");
    }

    private static boolean has(DataSchemaNode node, String extension) {
        if (!(node instanceof EffectiveStatementEquivalent<?> equivalent)) {
            return false;
        }
        // yangtools knows the extensions of the 2012 revision only: those of the 2018 one stay
        // unrecognized, kept in the declared statements but left out of the effective ones.
        DeclaredStatement<?> declared = ((EffectiveStatement<?, ?>) equivalent.asEffectiveStatement()).getDeclared();
        if (declared == null) {
            return false;
        }
        for (DeclaredStatement<?> statement : declared.declaredSubstatements()) {
            var name = statement.statementDefinition().getStatementName();
            if (extension.equals(name.getLocalName()) && NACM_NS.equals(name.getNamespace().toString())) {
                return true;
            }
        }
        return false;
    }
}
