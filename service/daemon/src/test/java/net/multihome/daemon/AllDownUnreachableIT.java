package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.multihome.testing.Await;
import net.multihome.testing.CommandResult;
import net.multihome.testing.Commands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code all-down unreachable} with a DHCP client's default in main: when every provider is
 * down, the router's own programs fail at once ("No route to host", the unreachable route's
 * EHOSTUNREACH) instead of leaving by the client's default, and the default comes back with the
 * first provider.
 */
@Tag("netns")
class AllDownUnreachableIT {

    @TempDir
    Path dir;

    private Lab lab;

    @BeforeEach
    void up() throws IOException {
        Path factory = dir.resolve("unreachable.xml");
        Files.writeString(factory, Files.readString(Lab.RECIPE).replace("<hash-policy>l4</hash-policy>",
                "<hash-policy>l4</hash-policy><all-down>unreachable</all-down>"));
        lab = Lab.up(dir, factory);
    }

    @AfterEach
    void down() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void everyProviderDownMakesTheDefaultUnreachableDespiteAClientsDefaultInMain() {
        // What dhclient-script would have installed on if1.
        lab.ip("route", "add", "default", "via", "203.0.113.1", "dev", "if1");
        lab.lab("fail", "isp1", "gateway");
        lab.lab("fail", "isp2", "gateway");
        Await.until("an unreachable default in table 4200",
                () -> lab.ip("route", "show", "table", "4200").strip().startsWith("unreachable default"));
        CommandResult ping = Commands.run(List.of("ip", "netns", "exec", lab.prefix + "-router", "ping", "-c", "1",
                "-W", "1", "192.0.2.1"), Map.of(), Duration.ofSeconds(10));
        assertTrue(ping.output().contains("No route to host"), ping.output());
        assertEquals("default via 203.0.113.1 dev if1", lab.ip("route", "show", "table", "main", "default").strip(),
                "the client's default stays as it was");

        lab.lab("restore", "isp1");
        Await.until("isp1's default back in table 4200",
                () -> lab.ip("route", "show", "table", "4200").contains("nhid 1296564225"));
    }
}
