package net.multihome.core.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import net.multihome.core.plan.NatPlan;
import net.multihome.netlink.model.IpAddresses;
import net.multihome.netlink.model.IpPrefix;
import net.multihome.netlink.model.PortRange;
import net.multihome.netlink.nft.Nftables;
import net.multihome.testing.Namespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The table's JSON as the real libnftables and kernel take it, read back with {@code nft list}. */
@Tag("netns")
class NatTableNetnsTest {

    private static final NatPlan PLAN = new NatPlan(
            List.of(new NatPlan.Uplink("if1", 0x650000L), new NatPlan.Uplink("if2", 0x660000L)),
            List.of(new NatPlan.SourceNat(IpPrefix.parse("10.0.0.0/24"), "if1", null),
                    new NatPlan.SourceNat(IpPrefix.parse("10.0.0.0/24"), "if2", IpAddresses.parse("203.0.113.70")),
                    new NatPlan.SourceNat(IpPrefix.parse("2001:db8:100::/64"), "if1", null)),
            List.of(new NatPlan.Forward("if2", IpAddresses.parse("203.0.113.66"), 6, 8080,
                    IpAddresses.parse("10.0.0.10"), 80)),
            Set.of(0x650000L, 0x660000L),
            List.of(new NatPlan.Sticky(IpPrefix.parse("10.0.0.32/27"), null, "eth0", 17, null,
                    new PortRange(5060, 5061))));

    private Namespace ns;
    private Nftables nft;

    @BeforeEach
    void open() {
        ns = Namespace.create("nat", n -> { });
        nft = Nftables.open(ns.path());
    }

    @AfterEach
    void close() {
        try {
            if (nft != null) {
                nft.close();
            }
        } finally {
            if (ns != null) {
                ns.close();
            }
        }
    }

    @Test
    void thePlanIsOneTableAsWritten() {
        nft.run(NatTable.replace(PLAN));
        String table = ns.exec("nft", "list", "table", "inet", "multihome");
        for (String rule : List.of(
                "iifname \"if2\" ct state new ct mark set ct mark & 0xff66ffff | 0x01660000",
                "ct direction reply ct mark & 0x01000000 == 0x01000000 meta mark set ct mark & 0x00ff0000",
                "ip saddr 10.0.0.32/27 iifname \"eth0\" udp dport 5060-5061 ct direction original"
                        + " ct mark & 0x00ff0000 != 0x00000000 meta mark set ct mark & 0x00ff0000",
                "iifname \"if2\" ip daddr 203.0.113.66 tcp dport 8080 dnat ip to 10.0.0.10:80",
                "oifname \"if1\" ct state new ct mark set ct mark & 0xfe65ffff | 0x00650000",
                "oifname \"if1\" ip saddr 10.0.0.0/24 masquerade",
                "oifname \"if2\" ip saddr 10.0.0.0/24 snat ip to 203.0.113.70",
                "oifname \"if1\" ip6 saddr 2001:db8:100::/64 masquerade")) {
            assertTrue(table.contains(rule), rule + " in\n" + table);
        }
    }

    @Test
    void replacingIsIdempotentAndDeletingLeavesOtherTables() {
        ns.exec("nft", "add", "table", "inet", "foreign");
        nft.run(NatTable.replace(PLAN));
        String first = nft.run(NatTable.list());
        nft.run(NatTable.replace(PLAN));
        assertEquals(first.replaceAll("\"handle\": \\d+", ""), nft.run(NatTable.list()).replaceAll("\"handle\": \\d+", ""));
        nft.run(NatTable.delete());
        nft.run(NatTable.delete());
        assertEquals("table inet foreign", ns.exec("nft", "list", "tables").strip());
    }
}
