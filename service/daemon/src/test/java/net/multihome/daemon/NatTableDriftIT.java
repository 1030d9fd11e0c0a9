package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * The daemon owns one nftables table: deleted by hand, it is back within a second, as it was;
 * a table of someone else's stays exactly as written through the daemon's passes.
 */
@Tag("netns")
class NatTableDriftIT {

    private static final String GROUP = "1296564225";
    private static final String ISP1_MEMBER = "1296564240";
    /** The bound for the repair. */
    private static final Duration REPAIRED = Duration.ofSeconds(1);

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
    void ourDeletedTableIsBackWithinASecondAndAForeignTableIsLeftUntouched() {
        lab = Lab.up(dir);
        lab.in("router", "nft", "add table inet foreign; "
                + "add chain inet foreign forward { type filter hook forward priority 10; policy accept; }; "
                + "add rule inet foreign forward ip saddr 198.51.100.7 tcp dport 25 drop; "
                + "add rule inet foreign forward meta mark set 0x7 accept");
        String foreign = lab.in("router", "nft", "-a", "list", "table", "inet", "foreign");
        Await.until("our table", () -> ours() != null);
        String ours = ours();

        lab.in("router", "nft", "delete", "table", "inet", "multihome");
        long deleted = System.nanoTime();
        assertTrue(Await.within(REPAIRED, () -> ours() != null),
                () -> "table inet multihome not back within " + REPAIRED + ":\n" + lab.daemonLog());
        System.out.printf("table inet multihome back %d ms after its deletion%n",
                Duration.ofNanos(System.nanoTime() - deleted).toMillis());
        assertEquals(ours, ours(), "the table is back as it was");

        lab.lab("fail", "isp1", "gateway");
        Await.until("isp1 out of the default", () -> !isp1InDefault());
        lab.lab("restore", "isp1");
        Await.until("isp1 back in the default", this::isp1InDefault);
        assertEquals(foreign, lab.in("router", "nft", "-a", "list", "table", "inet", "foreign"),
                "the foreign table, rules and handles, is as it was written");
    }

    /** {@code nft list table inet multihome}, or null while it does not exist. */
    private String ours() {
        var listed = Commands.run(List.of("ip", "netns", "exec", lab.prefix + "-router", "nft", "list", "table", "inet",
                "multihome"), Map.of(), Duration.ofSeconds(10));
        return listed.exitCode() == 0 ? listed.output() : null;
    }

    private boolean isp1InDefault() {
        return lab.ip("nexthop", "show", "id", GROUP).contains(ISP1_MEMBER);
    }
}
