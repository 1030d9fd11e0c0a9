package net.multihome.netconf.nacm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.datastore.SchemaTree;
import net.multihome.netconf.xml.XmlDocuments;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The model's nacm extensions, as access control finds them on the data nodes. */
class ModelMarksTest {
    private static final YangSchema SCHEMA = YangSchema.load();
    private static final String MH = YangSchema.NAMESPACE;

    @Test
    void secretsAreDenyAllAndManagementIsDenyWrite() {
        SchemaTree tree = new SchemaTree(SCHEMA);
        ModuleNames modules = new ModuleNames(SCHEMA);
        Document doc = XmlDocuments.newDocument();
        Element multihome = element(doc, null, "multihome");
        Element management = element(doc, multihome, "management");
        Element snmpUser = element(doc, element(doc, management, "snmp"), "user");
        Element passphrase = element(doc, snmpUser, "auth-passphrase");
        Element user = element(doc, element(doc, management, "netconf"), "user");
        Element hash = element(doc, user, "password-hash");
        Element name = element(doc, user, "name");

        LocatedNode top = LocatedNode.top(multihome, tree, modules);
        LocatedNode mgmt = top.child(management, tree, modules);
        assertTrue(mgmt.node().denyWrite());
        assertFalse(mgmt.node().denyAll());
        LocatedNode netconfUser = mgmt.child((Element) user.getParentNode(), tree, modules).child(user, tree, modules);
        assertTrue(netconfUser.child(hash, tree, modules).node().denyAll());
        assertFalse(netconfUser.child(name, tree, modules).node().denyAll());
        LocatedNode snmp = mgmt.child((Element) snmpUser.getParentNode(), tree, modules).child(snmpUser, tree, modules);
        assertTrue(snmp.child(passphrase, tree, modules).node().denyAll());
        assertTrue(snmp.node().steps().getLast().module().equals("multihome"));
    }

    private static Element element(Document doc, Element parent, String name) {
        Element e = doc.createElementNS(MH, name);
        if (parent == null) {
            doc.appendChild(e);
        } else {
            parent.appendChild(e);
        }
        return e;
    }
}
