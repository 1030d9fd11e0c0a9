package net.multihome.netlink.nft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.multihome.testing.Namespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("netns")
class NftablesTest {

    private static final String ADD = """
            {"nftables":[{"add":{"table":{"family":"inet","name":"mhtest"}}},
            {"add":{"chain":{"family":"inet","table":"mhtest","name":"snat","type":"nat","hook":"postrouting",
            "prio":100,"policy":"accept"}}},
            {"add":{"rule":{"family":"inet","table":"mhtest","chain":"snat","expr":[
            {"match":{"op":"==","left":{"meta":{"key":"oifname"}},"right":"wan1"}},{"masquerade":null}]}}}]}""";

    private Namespace ns;
    private Nftables nft;

    @BeforeEach
    void open() {
        ns = Namespace.create("nft", n -> { });
        nft = Nftables.open(ns.path());
    }

    @AfterEach
    void close() {
        try {
            if (nft != null) {
                nft.close();
            }
        } finally {
            if (ns != null) {
                ns.close();
            }
        }
    }

    @Test
    void jsonCommandsRunInTheContextsNamespaceAndListAsJson() {
        assertEquals("", nft.run(ADD));
        assertTrue(ns.exec("nft", "list", "ruleset").contains("oifname \"wan1\" masquerade"),
                ns.exec("nft", "list", "ruleset"));
        String listed = nft.run("{\"nftables\":[{\"list\":{\"table\":{\"family\":\"inet\",\"name\":\"mhtest\"}}}]}");
        assertTrue(listed.startsWith("{\"nftables\": [{\"metainfo\"") && listed.contains("\"masquerade\": null"),
                listed);
    }

    @Test
    void aRefusedTransactionChangesNothingAndSaysWhy() {
        String broken = ADD.replace("\"masquerade\":null", "\"masquerade\":null},{\"counter\":{\"packets\":\"x\"}");
        NftablesException e = assertThrows(NftablesException.class, () -> nft.run(broken));
        assertFalse(e.getMessage().isBlank());
        assertFalse(ns.exec("nft", "list", "ruleset").contains("mhtest"), "half a transaction was applied");
        NftablesException missing = assertThrows(NftablesException.class, () -> nft.run(
                "{\"nftables\":[{\"list\":{\"table\":{\"family\":\"inet\",\"name\":\"absent\"}}}]}"));
        assertTrue(missing.getMessage().contains("No such file or directory"), missing.getMessage());
    }
}
