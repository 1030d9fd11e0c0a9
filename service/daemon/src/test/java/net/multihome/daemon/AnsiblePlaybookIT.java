package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.multihome.testing.Await;
import net.multihome.testing.CommandResult;
import net.multihome.testing.Commands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's Ansible (ansible.netcommon's netconf connection) runs src/test/resources/ansible's
 * playbook against the lab's NETCONF port: netconf_get, netconf_config with commit and the same
 * task again without change, and netconf_rpc {@code get} without a namespace. Ansible runs with a
 * home, temporary and socket directories of the test's own.
 */
@Tag("netns")
class AnsiblePlaybookIT {
    private static final Path ANSIBLE_PLAYBOOK = Path.of("/usr/bin/ansible-playbook");
    private static final Path PLAYBOOK = Path.of("src/test/resources/ansible/netconf.yml").toAbsolutePath();
    private static final Path INVENTORY = Path.of("src/test/resources/ansible/inventory.ini").toAbsolutePath();
    private static final Duration PLAYBOOK_TIMEOUT = Duration.ofSeconds(180);
    private static final Pattern TASK_RESULT = Pattern.compile(
            "(?m)^TASK \\[(.+?)\\] \\**$(?:\\n(?!ok:|changed:|fatal:|failed:).*)*\\n(ok|changed|fatal|failed):");
    private static final Pattern ISP1 = Pattern.compile("<provider><name>isp1</name>(.*?)</provider>");
    private static final Pattern RECAP = Pattern.compile("(?m)^router\\s+:\\s+(.*)$");

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
    void playbookReadsChangesOnceAndGetsWithoutANamespace() throws Exception {
        assumeTrue(Files.isExecutable(ANSIBLE_PLAYBOOK), "needs ansible-playbook (Debian's ansible, with "
                + "ansible.netcommon)");
        assumeTrue(NcclientScript.available(), "needs /usr/bin/python3 with ncclient (python3-ncclient)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "needs socat for the lab's NETCONF forwarder");
        lab = Lab.up(dir);
        assertTrue(Await.within(Duration.ofSeconds(15), () -> {
            try {
                return NcclientScript.run(dir, lab.netconfPort, "get-config").ok();
            } catch (Exception e) {
                return false;
            }
        }), "NETCONF answers through the lab's forwarder");
        assertTrue(Await.within(Duration.ofSeconds(30), () -> ourRoutes().contains("dev if1 weight 5")),
                () -> "the recipe starts isp1 at weight 5: " + ourRoutes());

        CommandResult run = Commands.run(List.of(ANSIBLE_PLAYBOOK.toString(), "-i", INVENTORY.toString(),
                "-e", "ansible_port=" + lab.netconfPort, PLAYBOOK.toString()), isolatedEnvironment(),
                PLAYBOOK_TIMEOUT);
        String output = run.output();

        assertEquals(0, run.exitCode(), output);
        Map<String, String> results = new LinkedHashMap<>();
        Matcher task = TASK_RESULT.matcher(output);
        while (task.find()) {
            results.put(task.group(1), task.group(2));
        }
        assertEquals(Map.of("read isp1's weight", "ok", "set isp1's weight and commit", "changed",
                "set isp1's weight and commit again", "ok", "get without a namespace", "ok"), results, output);
        Matcher recap = RECAP.matcher(output);
        assertTrue(recap.find(), output);
        assertEquals("ok=4 changed=1 unreachable=0 failed=0 skipped=0 rescued=0 ignored=0",
                recap.group(1).strip().replaceAll("\\s+", " "), output);

        String running = NcclientScript.run(dir, lab.netconfPort, "get-config").output().replaceAll("\\s+", "");
        Matcher isp1 = ISP1.matcher(running);
        assertTrue(isp1.find() && isp1.group(1).contains("<weight>3</weight>"), "running has isp1 at weight 3: "
                + running);
        assertTrue(ourRoutes().contains("dev if1 weight 3"),
                () -> "the commit's reply came after the kernel had isp1 at weight 3: " + ourRoutes());
    }

    private String ourRoutes() {
        return lab.ip("-4", "route", "show", "table", "all", "proto", "77");
    }

    /** Ansible's home, temporary, socket and log places under the test's directory; no colour. */
    private Map<String, String> isolatedEnvironment() throws Exception {
        Path home = Files.createDirectories(dir.resolve("ansible-home"));
        return Map.ofEntries(
                Map.entry("HOME", home.toString()),
                Map.entry("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"),
                Map.entry("ANSIBLE_HOME", home.resolve(".ansible").toString()),
                Map.entry("ANSIBLE_LOCAL_TEMP", Files.createDirectories(dir.resolve("ansible-tmp")).toString()),
                Map.entry("ANSIBLE_REMOTE_TEMP", Files.createDirectories(dir.resolve("ansible-remote-tmp")).toString()),
                Map.entry("ANSIBLE_PERSISTENT_CONTROL_PATH_DIR",
                        Files.createDirectories(dir.resolve("ansible-pc")).toString()),
                Map.entry("ANSIBLE_CONFIG", Files.writeString(dir.resolve("ansible.cfg"), "").toString()),
                Map.entry("ANSIBLE_PARAMIKO_LOOK_FOR_KEYS", "false"),
                Map.entry("ANSIBLE_PERSISTENT_CONNECT_TIMEOUT", "30"),
                Map.entry("ANSIBLE_PERSISTENT_COMMAND_TIMEOUT", "60"),
                Map.entry("ANSIBLE_RETRY_FILES_ENABLED", "false"),
                Map.entry("ANSIBLE_NOCOLOR", "1"));
    }
}
