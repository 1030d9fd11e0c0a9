package net.multihome.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import net.multihome.core.config.ConfigLoader;
import net.multihome.core.config.ConfigReader;
import net.multihome.core.config.Management;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.secret.SecretBox;
import net.multihome.core.yang.YangSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The startup file: owner-only, and never left with a secret in clear once the daemon read it. */
class StartupFileTest {
    private static final ConfigLoader LOADER = new ConfigLoader(YangSchema.load());
    private static final String CLEAR = """
            <config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
              <multihome xmlns="urn:multihome:yang:multihome"><management><snmp>
                <user><name>noc</name><auth-passphrase>noc-auth-pass-1</auth-passphrase>
                  <priv-passphrase>noc-priv-pass-1</priv-passphrase></user>
              </snmp></management></multihome>
            </config>
            """;

    @TempDir
    Path dir;

    @Test
    void clearPassphrasesAreSealedInTheFileWhichIsOwnerOnly() throws Exception {
        StartupFile startup = new StartupFile(dir, LOADER);
        Path factory = dir.resolve("factory.xml");
        Files.writeString(factory, CLEAR);
        assertTrue(startup.createFrom(factory));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(startup.path())));

        MultihomeConfig config = ConfigReader.read(startup.loadData());
        String file = Files.readString(startup.path());
        assertFalse(file.contains("noc-auth-pass-1") || file.contains("noc-priv-pass-1"), file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(startup.path())),
                "rewritten with the same mode");
        Management.SnmpUser user = config.management().snmp().users().getFirst();
        SecretBox box = new SecretBox(dir);
        assertTrue(SecretBox.isSealed(user.authPassphrase()));
        assertEquals("noc-auth-pass-1", box.reveal(user.authPassphrase()));
        assertEquals("noc-priv-pass-1", box.reveal(user.privPassphrase()));
        assertEquals(file, readAgain(startup), "a sealed file is read as it is");
    }

    private static String readAgain(StartupFile startup) throws Exception {
        startup.loadData();
        return Files.readString(startup.path());
    }
}
