package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher started without CAP_NET_ADMIN exits non-zero with one line naming the
 * capability, before it touches the kernel or writes its state directory. As root the
 * capability is dropped from the bounding set, inside a network namespace of its own that
 * vanishes with the process, so even a daemon that failed to stop could not touch the host.
 */
class NoCapabilityIT {

    @TempDir
    Path dir;

    @Test
    void exitsWithOneLineNamingTheMissingCapability() throws Exception {
        Path state = dir.resolve("state");
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "--net", "setpriv", "--bounding-set", "-net_admin", "--inh-caps",
                    "-net_admin"));
        }
        command.addAll(List.of(Lab.LAUNCHER.toString(), "daemon", "--state-dir", state.toString(), "--rt-tables",
                dir.resolve("rt_tables.conf").toString()));
        Path output = dir.resolve("output");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(1, process.exitValue(), text);
        List<String> lines = text.lines().toList();
        assertEquals(1, lines.size(), text);
        assertTrue(lines.getFirst().startsWith("multihome daemon: missing capability CAP_NET_ADMIN"), text);
        assertFalse(Files.exists(state), "the state directory was written before the check");
    }
}
