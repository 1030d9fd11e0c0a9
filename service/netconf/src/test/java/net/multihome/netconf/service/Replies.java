package net.multihome.netconf.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Reading replies in assertions. */
final class Replies {
    private Replies() {
    }

    static void assertOk(String reply) {
        Document doc = TestClient.parse(reply);
        assertEquals(1, doc.getElementsByTagNameNS(TestClient.BASE, "ok").getLength(), reply);
    }

    static List<String> all(String reply, String namespace, String name) {
        NodeList nodes = TestClient.parse(reply).getElementsByTagNameNS(namespace, name);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent().strip());
        }
        return out;
    }

    static String errorTag(String reply) {
        List<String> tags = all(reply, TestClient.BASE, "error-tag");
        assertTrue(!tags.isEmpty(), "expected an rpc-error: " + reply);
        return tags.getFirst();
    }

    static String errorPath(String reply) {
        List<String> paths = all(reply, TestClient.BASE, "error-path");
        assertTrue(!paths.isEmpty(), "expected an error-path: " + reply);
        return paths.getFirst();
    }

    static String errorMessage(String reply) {
        return all(reply, TestClient.BASE, "error-message").getFirst();
    }

    static String target(String datastore) {
        return "<target><" + datastore + "/></target>";
    }

    static String editConfig(String datastore, String multihomeContent) {
        return "<edit-config>" + target(datastore) + "<config><multihome xmlns=\"" + ServiceFixture.MH + "\">"
                + multihomeContent + "</multihome></config></edit-config>";
    }

    static String getConfig(String datastore) {
        return "<get-config><source><" + datastore + "/></source></get-config>";
    }
}
