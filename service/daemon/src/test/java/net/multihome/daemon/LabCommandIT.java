package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.multihome.testing.Commands;
import net.multihome.testing.Root;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The README's first command, exactly as a person types it: {@code multihome lab up}, then {@code lab down}. */
@Tag("netns")
class LabCommandIT {

    private static String multihome(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(Lab.LAUNCHER.toString()));
        command.addAll(List.of(args));
        return Commands.run(command, Map.of(), Duration.ofSeconds(90)).orFail();
    }

    private static List<String> labNamespaces() {
        return Commands.run(List.of("ip", "netns", "list"), Map.of(), Duration.ofSeconds(10)).orFail().lines()
                .map(l -> l.split(" ")[0]).filter(n -> n.startsWith("mhlab-")).toList();
    }

    @Test
    void labUpRunsTheDaemonAndLabDownLeavesNothingBehind() {
        Root.assume();
        assumeFalse(!labNamespaces().isEmpty(), "a demo lab is already up on this machine; not touching it");
        try {
            String up = multihome("lab", "up");
            assertTrue(up.contains("multihome lab is up"), up);
            assertTrue(multihome("lab", "up").contains("lab already up"), "lab up is idempotent");
            String ping = Commands.run(List.of("ip", "netns", "exec", "mhlab-lan", "ping", "-c", "1", "-W", "2", "192.0.2.1"),
                    Map.of(), Duration.ofSeconds(10)).orFail();
            assertTrue(ping.contains("1 received"), ping);
            String route = Commands.run(List.of("ip", "-n", "mhlab-router", "route", "show", "table", "T1"), Map.of(),
                    Duration.ofSeconds(10)).orFail();
            assertTrue(route.contains("default via 203.0.113.1 dev if1 proto multihome"), route);
        } finally {
            multihome("lab", "down");
        }
        assertEquals(List.of(), labNamespaces());
        assertTrue(Files.notExists(Path.of("/run/multihome-lab")));
        assertTrue(Files.notExists(Path.of("/etc/iproute2/rt_tables.d/multihome.conf")));
        assertTrue(multihome("lab", "down").contains("multihome lab is down"), "lab down is idempotent");
    }
}
