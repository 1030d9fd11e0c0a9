package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import net.multihome.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ncclient against the daemon in a lab router, through the lab's forwarder on the host's
 * loopback: a commit moves the kernel to the recipe's state; a commit the kernel refuses
 * returns its words and changes nothing.
 */
@Tag("netns")
class NetconfEndToEndIT {

    @TempDir
    Path dir;

    private Lab lab;

    @BeforeEach
    void up() throws Exception {
        assumeTrue(NcclientScript.available(), "needs /usr/bin/python3 with ncclient (python3-ncclient)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "needs socat for the lab's NETCONF forwarder");
        // The router starts with management only: no provider, so nothing of ours in the kernel.
        String lab = Files.readString(Lab.RECIPE);
        String managementOnly = lab.replaceAll("(?s)<balancing>.*?(?=<management>)", "");
        Path factory = dir.resolve("management-only.xml");
        Files.writeString(factory, managementOnly);
        this.lab = Lab.up(dir, factory);
        assertTrue(Await.within(Duration.ofSeconds(15), () -> {
            try {
                return client("get-config").ok();
            } catch (Exception e) {
                return false;
            }
        }), "NETCONF answers through the lab's forwarder");
    }

    @AfterEach
    void down() {
        if (lab != null) {
            lab.close();
        }
    }

    private NcclientScript.Result client(String... args) throws Exception {
        return NcclientScript.run(dir, lab.netconfPort, args);
    }

    private List<String> ours() {
        return Arrays.stream(lab.ip("-4", "route", "show", "table", "all", "proto", "77").split("\n"))
                .map(String::strip).filter(l -> !l.isEmpty()).sorted().toList();
    }

    @Test
    void commitOfTheRecipeMovesTheKernelToTheSeedState() throws Exception {
        assertEquals(List.of(), ours());

        NcclientScript.Result result = client("commit", Lab.RECIPE.toString());
        assertEquals(0, result.exit(), result.output());

        assertTrue(ours().contains("nexthop via 203.0.113.1 dev if1 weight 5"), ours()::toString);
        assertTrue(ours().contains("default via 203.0.113.65 dev if2 table 102"), ours()::toString);
        assertTrue(lab.ip("-4", "rule").contains("from 203.0.113.2 lookup 101 proto 77"));
        assertTrue(client("get-config").output().contains("<name>isp1</name>"), "running holds the commit");
    }

    @Test
    void commitTheKernelRefusesReturnsItsWordsAndChangesNothing() throws Exception {
        assertEquals(0, client("commit", Lab.RECIPE.toString()).exit());
        List<String> before = ours();
        String rulesBefore = lab.ip("rule");
        String runningBefore = client("get-config").output();

        // Valid to the model, but 10.99.0.1 is not on if3's network: the kernel refuses the route.
        String refused = Files.readString(Lab.RECIPE).replace("</local-network>", """
                </local-network>
                <provider>
                  <name>isp3</name>
                  <interface>if3</interface>
                  <ipv4><address>10.99.0.2</address><prefix-length>24</prefix-length><gateway>10.99.0.1</gateway></ipv4>
                  <table>103</table>
                </provider>""");
        Path file = dir.resolve("refused.xml");
        Files.writeString(file, refused);
        NcclientScript.Result result = client("commit", file.toString());

        assertEquals(3, result.exit(), result.output());
        assertTrue(result.output().contains("table 103") && result.output().contains("EINVAL"), result.output());
        assertEquals(before, ours(), "the kernel's routes are as they were");
        assertEquals(rulesBefore, lab.ip("rule"), "the kernel's rules are as they were");
        assertEquals(runningBefore, client("get-config").output(), "running is as it was");
    }
}
