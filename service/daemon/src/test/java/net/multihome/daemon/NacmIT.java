package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import net.multihome.testing.Await;
import net.multihome.testing.CommandResult;
import net.multihome.testing.Commands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NETCONF access control in a lab daemon with the recipe's admin and read-only noc groups,
 * driven by real ncclient ({@code nacm_client.py}): the noc user is refused edit-config, commit
 * and kill-session and never sees a secret; the admin's operations work and show secrets only
 * sealed; rule changes hold for the noc session already open; the counters count the denials;
 * and SNMPv3 works with the sealed passphrases the admin wrote in clear.
 */
@Tag("netns")
class NacmIT {
    private static final Path SCRIPT = Path.of("src/test/resources/nacm_client.py").toAbsolutePath();

    @TempDir
    Path dir;

    private Lab lab;

    @AfterEach
    void down() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void readOnlyNocAndAdminAsTheRecipeConfiguresThem() throws Exception {
        assumeTrue(NcclientScript.available(), "needs /usr/bin/python3 with ncclient (python3-ncclient)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "needs socat for the lab's NETCONF forwarder");
        lab = Lab.up(dir);
        JsonObject seen = scenario();

        assertEquals("access-denied", text(seen, "noc-edit-config"), seen::toString);
        assertEquals("access-denied", text(seen, "noc-commit"), seen::toString);
        assertEquals("access-denied", text(seen, "noc-kill-session"), seen::toString);
        assertEquals(0, seen.getAsJsonArray("noc-get-config-secrets").size(), seen::toString);
        assertEquals(0, seen.getAsJsonArray("noc-get-secrets").size(), seen::toString);
        assertEquals(0, seen.getAsJsonArray("noc-get-config-secrets-after").size(), seen::toString);
        assertTrue(seen.get("noc-sees-users").getAsBoolean(), "the rest of management stays readable");

        assertEquals("ok", text(seen, "admin-edit-secret"), seen::toString);
        assertEquals("ok", text(seen, "admin-commit"), seen::toString);
        assertEquals("ok", text(seen, "admin-copy-startup"), seen::toString);
        assertEquals("access-denied", text(seen, "noc-copy-startup"), seen::toString);
        assertTrue(text(seen, "admin-auth-passphrase").startsWith("$aes256gcm$"), seen::toString);
        assertTrue(seen.get("admin-sees-password-hash").getAsBoolean(), seen::toString);

        assertEquals("ok", text(seen, "admin-drop-rule"), seen::toString);
        assertEquals("access-denied", text(seen, "noc-edit-after-drop"), "now the write itself is refused");
        assertEquals("ok", text(seen, "admin-add-rule"), seen::toString);
        assertEquals("ok", text(seen, "noc-edit-after-permit"), "the open session has the new rule");
        assertEquals("access-denied", text(seen, "noc-edit-management-after-permit"), seen::toString);

        JsonObject before = seen.getAsJsonObject("counters-before");
        JsonObject afterExec = seen.getAsJsonObject("counters-after-exec");
        JsonObject end = seen.getAsJsonObject("counters-end");
        assertEquals(count(before, "denied-operations") + 3, count(afterExec, "denied-operations"), seen::toString);
        assertEquals(count(before, "denied-data-writes"), count(afterExec, "denied-data-writes"), seen::toString);
        assertEquals(count(afterExec, "denied-operations") + 1, count(end, "denied-operations"), "copy-config");
        assertEquals(count(before, "denied-data-writes") + 2, count(end, "denied-data-writes"), seen::toString);

        Path startup = lab.runDir.resolve("state/startup.xml");
        String stored = Files.readString(startup);
        assertTrue(stored.contains("v3noc"), stored);
        assertFalse(stored.contains("noc-auth-pass-1") || stored.contains("noc-priv-pass-1"), stored);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(startup)));

        assumeTrue(Files.isExecutable(Path.of("/usr/bin/snmpget")), "needs snmpget (Debian snmp)");
        List<String> v3 = List.of("snmpget", "-v3", "-l", "authPriv", "-u", "v3noc", "-a", "SHA-256", "-A",
                "noc-auth-pass-1", "-x", "AES", "-X", "noc-priv-pass-1", "-t", "1", "-r", "0", "-Oqv",
                "127.0.0.1:" + lab.snmpPort, "1.3.6.1.2.1.1.3.0");
        AtomicReference<CommandResult> last = new AtomicReference<>();
        assertTrue(Await.within(Duration.ofSeconds(15), () -> {
            last.set(Commands.run(v3, Map.of(), Duration.ofSeconds(10)));
            return last.get().succeeded();
        }), () -> last.get().output() + "\n" + lab.daemonLog());
    }

    private JsonObject scenario() throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", SCRIPT.toString(),
                Integer.toString(lab.netconfPort)));
        Path out = dir.resolve("nacm.out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("nacm_client.py did not finish within 120 s");
        }
        String output = Files.readString(out);
        assertEquals(0, p.exitValue(), output);
        String last = output.strip().lines().reduce((a, b) -> b).orElse("{}");
        return JsonParser.parseString(last).getAsJsonObject();
    }

    private static String text(JsonObject seen, String key) {
        return seen.get(key).isJsonNull() ? "null" : seen.get(key).getAsString();
    }

    private static long count(JsonObject counters, String name) {
        return counters.get(name).getAsLong();
    }
}
