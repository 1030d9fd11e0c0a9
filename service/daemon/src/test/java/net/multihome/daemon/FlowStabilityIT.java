package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.multihome.testing.Await;
import net.multihome.testing.Commands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 600 flows over three providers; the first one fails. With the default resilient group the
 * flows that were on the survivors stay where they were; a hash-threshold group re-divides its
 * hash space and moves some of them (removing its middle member would move none: its
 * neighbours only grow into its range).
 * The kernel's choice per flow is read with {@code ip route get ... ipproto udp sport S dport D}
 * (the same L4 hash the kernel uses for packets; there is no route cache).
 */
@Tag("netns")
class FlowStabilityIT {

    private static final int FLOWS = 600;
    private static final Pattern DEV = Pattern.compile(" dev (if\\d)");

    @TempDir
    Path dir;

    private Lab lab;

    @AfterEach
    void down() {
        if (lab != null) {
            lab.close();
        }
    }

    private List<String> providerPerFlow() throws Exception {
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < FLOWS; i++) {
            batch.append("route get 192.0.2.1 from 10.0.0.10 iif eth0 ipproto udp sport ")
                    .append(20000 + i).append(" dport 53\n");
        }
        Path file = dir.resolve("flows.batch");
        Files.writeString(file, batch);
        String out = Commands.run(List.of("ip", "-n", lab.prefix + "-router", "-batch", file.toString()), Map.of(),
                Duration.ofSeconds(60)).orFail();
        List<String> devices = new ArrayList<>();
        for (String line : out.split("\n")) {
            Matcher m = DEV.matcher(line);
            if (line.startsWith("192.0.2.1") && m.find()) {
                devices.add(m.group(1));
            }
        }
        assertEquals(FLOWS, devices.size(), out);
        return devices;
    }

    /** Of the flows that were not on if1, how many are on another provider once isp1 failed. */
    private int movedSurvivorFlows(Path config) throws Exception {
        lab = Lab.up(dir, config);
        assertTrue(Await.within(Duration.ofSeconds(5), () -> lab.ip("route", "show", "default", "table", "4200").contains("nhid")));
        List<String> before = providerPerFlow();
        lab.lab("fail", "isp1", "link");
        assertTrue(Await.within(Duration.ofSeconds(5), () -> !lab.ip("nexthop").contains("dev if1")));
        List<String> after = providerPerFlow();
        int moved = 0;
        int survivors = 0;
        for (int i = 0; i < FLOWS; i++) {
            if (!before.get(i).equals("if1")) {
                survivors++;
                if (!before.get(i).equals(after.get(i))) {
                    moved++;
                }
            }
            assertTrue(!after.get(i).equals("if1"), "no flow is left on the failed provider");
        }
        System.out.printf("flow stability (%s): %d of %d survivor flows moved; before: %s%n",
                config.getFileName(), moved, survivors, counts(before));
        return moved;
    }

    private static Map<String, Long> counts(List<String> devices) {
        return devices.stream().collect(java.util.stream.Collectors.groupingBy(d -> d, java.util.TreeMap::new,
                java.util.stream.Collectors.counting()));
    }

    @Test
    void resilientGroupKeepsSurvivorFlowsWhereTheyWere() throws Exception {
        assertEquals(0, movedSurvivorFlows(Lab.THREE));
    }

    @Test
    void hashThresholdGroupMovesSomeSurvivorFlows() throws Exception {
        Path config = dir.resolve("hash-threshold.xml");
        Files.writeString(config, Files.readString(Lab.THREE).replace("<hash-policy>l4</hash-policy>",
                "<hash-policy>l4</hash-policy><default-route><kind>hash-threshold</kind></default-route>"));
        assertTrue(movedSurvivorFlows(config) > 0, "hash-threshold remaps flows of the survivors too");
    }
}
