package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.multihome.testing.Await;
import net.multihome.testing.Commands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NETCONF server follows its settings: disabled at start, it listens once a reload enables it. */
@Tag("netns")
class NetconfSettingsIT {

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
    void serverDisabledAtStartListensOnceAReloadEnablesIt() throws Exception {
        assumeTrue(NcclientScript.available(), "needs /usr/bin/python3 with ncclient (python3-ncclient)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "needs socat for the lab's NETCONF forwarder");
        String recipe = Files.readString(Lab.RECIPE);
        Path factory = dir.resolve("netconf-disabled.xml");
        Files.writeString(factory, recipe.replace("<netconf>", "<netconf><enabled>false</enabled>"));
        lab = Lab.up(dir, factory);
        assertFalse(NcclientScript.run(dir, lab.netconfPort, "get-config").ok(), "nothing listens while disabled");

        Path startup = lab.runDir.resolve("state/startup.xml");
        Files.writeString(startup, Files.readString(startup).replace("<enabled>false</enabled>", ""));
        String pid = Files.readString(lab.runDir.resolve("daemon.pid")).strip();
        Commands.run(List.of("kill", "-HUP", pid), Map.of(), Duration.ofSeconds(5)).orFail();

        assertTrue(Await.within(Duration.ofSeconds(15), () -> {
            try {
                return NcclientScript.run(dir, lab.netconfPort, "get-config").output().contains("<name>isp1</name>");
            } catch (Exception e) {
                return false;
            }
        }), lab::daemonLog);
    }
}
