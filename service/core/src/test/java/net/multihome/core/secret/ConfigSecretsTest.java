package net.multihome.core.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import net.multihome.core.yang.YangSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** Passphrases sealed on one router, opened for the trip to its peer and sealed there with the peer's key. */
class ConfigSecretsTest {
    @TempDir
    Path dir;

    private static Element multihome(String auth) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        String xml = "<multihome xmlns='" + YangSchema.NAMESPACE + "'><management><snmp><user><name>noc</name>"
                + "<auth-passphrase>" + auth + "</auth-passphrase><priv-passphrase>noc-priv-pass-1</priv-passphrase>"
                + "</user></snmp></management><providers/></multihome>";
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
    }

    private static String leaf(Element multihome, String name) {
        return multihome.getElementsByTagNameNS(YangSchema.NAMESPACE, name).item(0).getTextContent();
    }

    @Test
    void aConfigurationSealedHereIsRevealedForThePeerWhichSealsItWithItsOwnKey() throws Exception {
        SecretBox here = new SecretBox(Files.createDirectory(dir.resolve("a")));
        SecretBox peer = new SecretBox(Files.createDirectory(dir.resolve("b")));
        Element config = multihome("noc-auth-pass-1");
        assertTrue(ConfigSecrets.seal(config, here));
        assertTrue(SecretBox.isSealed(leaf(config, "auth-passphrase")));
        assertTrue(SecretBox.isSealed(leaf(config, "priv-passphrase")));

        ConfigSecrets.reveal(config, here);
        assertEquals("noc-auth-pass-1", leaf(config, "auth-passphrase"));
        assertEquals("noc-priv-pass-1", leaf(config, "priv-passphrase"));
        assertEquals("noc", leaf(config, "name"), "nothing else is touched");

        ConfigSecrets.seal(config, peer);
        assertEquals("noc-auth-pass-1", peer.reveal(leaf(config, "auth-passphrase")));
        assertThrows(IllegalArgumentException.class, () -> here.reveal(leaf(config, "auth-passphrase")),
                "sealed with the peer's key, not this router's");
    }

    @Test
    void aValueThatDoesNotOpenHereIsAnErrorNotAValueSentOn() throws Exception {
        SecretBox other = new SecretBox(Files.createDirectory(dir.resolve("other")));
        Element config = multihome(other.seal("noc-auth-pass-1"));
        SecretBox here = new SecretBox(Files.createDirectory(dir.resolve("here")));
        assertThrows(IllegalArgumentException.class, () -> ConfigSecrets.reveal(config, here));
    }

    @Test
    void thePassphrasesTwoRoutersSealedWithTheirOwnKeysCompareEqualMasked() throws Exception {
        Element a = multihome("noc-auth-pass-1");
        Element b = multihome("noc-auth-pass-1");
        ConfigSecrets.seal(a, new SecretBox(Files.createDirectory(dir.resolve("a"))));
        ConfigSecrets.seal(b, new SecretBox(Files.createDirectory(dir.resolve("b"))));
        ConfigSecrets.mask(a);
        ConfigSecrets.mask(b);
        assertEquals(leaf(a, "auth-passphrase"), leaf(b, "auth-passphrase"));
        assertEquals(leaf(a, "priv-passphrase"), leaf(b, "priv-passphrase"));
        assertEquals("noc", leaf(a, "name"), "nothing else is touched");
    }
}
