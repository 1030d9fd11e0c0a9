package net.multihome.core.secret;

import net.multihome.core.yang.YangSchema;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Seals the clear secrets of a configuration document in place: the auth-passphrase and
 * priv-passphrase of {@code management/snmp/user}. Sealed values are left as they are.
 */
public final class ConfigSecrets {
    private static final String[] PATH = {"management", "snmp", "user"};

    private ConfigSecrets() {
    }

    /**
     * @param multihome a {@code <multihome>} element, or an edit's (which may hold any part of one)
     * @return whether a value was sealed
     */
    public static boolean seal(Element multihome, SecretBox box) {
        return seal(multihome, 0, box);
    }

    private static boolean seal(Element element, int depth, SecretBox box) {
        boolean changed = false;
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element child) || !YangSchema.NAMESPACE.equals(child.getNamespaceURI())) {
                continue;
            }
            if (depth < PATH.length) {
                if (PATH[depth].equals(child.getLocalName())) {
                    changed |= seal(child, depth + 1, box);
                }
            } else if ("auth-passphrase".equals(child.getLocalName()) || "priv-passphrase".equals(child.getLocalName())) {
                String value = child.getTextContent().strip();
                if (!value.isEmpty() && !SecretBox.isSealed(value)) {
                    child.setTextContent(box.seal(value));
                    changed = true;
                }
            }
        }
        return changed;
    }
}
