package net.multihome.core.secret;

import java.util.Optional;
import java.util.function.BiConsumer;
import net.multihome.core.yang.YangSchema;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Seals the clear secrets of a configuration document in place: the auth-passphrase and
 * priv-passphrase of {@code management/snmp/user}. Sealed values are left as they are, and a
 * clear value that is what the current configuration already holds keeps its stored form, so
 * writing the same passphrase again changes nothing.
 */
public final class ConfigSecrets {
    private static final String[] PATH = {"management", "snmp", "user"};
    /** What {@link #mask} writes: a valid clear passphrase that nobody sets. */
    private static final String MASK = "masked-passphrase";

    private ConfigSecrets() {
    }

    /**
     * @param multihome a {@code <multihome>} element, or an edit's (which may hold any part of one)
     * @return whether a value was sealed
     */
    public static boolean seal(Element multihome, SecretBox box) {
        return seal(multihome, null, box);
    }

    /**
     * @param current the configuration the document changes (null: none), whose stored forms are reused
     * @return whether a value was sealed
     */
    public static boolean seal(Element multihome, ContainerNode current, SecretBox box) {
        boolean[] changed = {false};
        forEachPassphrase(multihome, 0, (user, leaf) -> {
            String value = leaf.getTextContent().strip();
            if (!value.isEmpty() && !SecretBox.isSealed(value)) {
                String stored = stored(current, userName(user), leaf.getLocalName())
                        .filter(s -> value.equals(opened(box, s))).orElseGet(() -> box.seal(value));
                leaf.setTextContent(stored);
                changed[0] = true;
            }
        });
        return changed[0];
    }

    /**
     * Opens, in place, the sealed secrets of a configuration document this router sealed: for a
     * peer that seals them again with its own key on receipt (config sync, over SSH).
     *
     * @throws IllegalArgumentException when a value does not open with this router's key
     */
    public static void reveal(Element multihome, SecretBox box) {
        forEachPassphrase(multihome, 0, (user, leaf) -> {
            String value = leaf.getTextContent().strip();
            if (SecretBox.isSealed(value)) {
                leaf.setTextContent(box.reveal(value));
            }
        });
    }

    /**
     * Replaces, in place, every passphrase by one fixed value: two routers seal the same
     * passphrase with different keys, so their configurations compare equal only without them.
     */
    public static void mask(Element multihome) {
        forEachPassphrase(multihome, 0, (user, leaf) -> leaf.setTextContent(MASK));
    }

    /** Calls {@code action} with each passphrase element under management/snmp/user and its user. */
    private static void forEachPassphrase(Element element, int depth, BiConsumer<Element, Element> action) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element child) || !YangSchema.NAMESPACE.equals(child.getNamespaceURI())) {
                continue;
            }
            if (depth < PATH.length) {
                if (PATH[depth].equals(child.getLocalName())) {
                    forEachPassphrase(child, depth + 1, action);
                }
            } else if ("auth-passphrase".equals(child.getLocalName()) || "priv-passphrase".equals(child.getLocalName())) {
                action.accept(element, child);
            }
        }
    }

    private static String userName(Element user) {
        for (Node n = user.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "name".equals(e.getLocalName())) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }

    private static String opened(SecretBox box, String stored) {
        try {
            return box.reveal(stored);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The value {@code current} holds at management/snmp/user[name=user]/leaf. */
    private static Optional<String> stored(ContainerNode current, String user, String leaf) {
        if (current == null || user == null) {
            return Optional.empty();
        }
        Optional<DataContainerNode> snmp = container(current, "management").flatMap(m -> container(m, "snmp"));
        Optional<DataContainerChild> users = snmp.flatMap(s -> child(s, "user"));
        if (users.isEmpty() || !(users.get() instanceof MapNode map)) {
            return Optional.empty();
        }
        var entry = map.childByArg(NodeIdentifierWithPredicates.of(YangSchema.qname("user"),
                YangSchema.qname("name"), user));
        return Optional.ofNullable(entry).flatMap(e -> child(e, leaf))
                .filter(LeafNode.class::isInstance).map(l -> String.valueOf(((LeafNode<?>) l).body()));
    }

    private static Optional<DataContainerNode> container(DataContainerNode node, String name) {
        return child(node, name).filter(DataContainerNode.class::isInstance).map(DataContainerNode.class::cast);
    }

    private static Optional<DataContainerChild> child(DataContainerNode node, String name) {
        return Optional.ofNullable(node.childByArg(new NodeIdentifier(YangSchema.qname(name))));
    }
}
