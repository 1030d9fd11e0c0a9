package net.multihome.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.IpPrefix;
import net.multihome.netlink.model.PortRange;
import net.multihome.netlink.model.Rule;
import net.multihome.netlink.model.RuleAction;
import org.junit.jupiter.api.Test;

class RuleOperationsTest extends NetnsTestBase {

    private List<Rule> ours() {
        return nl.rules(Family.INET).stream().filter(r -> r.protocol() == OWNER).toList();
    }

    @Test
    void ruleWithOwnerTagAndPortRangesRoundTrips() {
        Rule r = new Rule(Family.INET, 100, IpPrefix.parse("10.1.0.0/16"), IpPrefix.parse("203.0.113.0/24"),
                "wan1", null, 0x10, 0xff, 6, new PortRange(1000, 2000), PortRange.single(443), 1000,
                RuleAction.TO_TABLE, OWNER);
        nl.apply(new Change.AddRule(r));
        assertEquals(List.of(r), ours());
        String shown = ns.ip("rule", "show");
        assertTrue(shown.contains("100:\tfrom 10.1.0.0/16 to 203.0.113.0/24 fwmark 0x10/0xff iif wan1 ipproto tcp"
                + " sport 1000-2000 dport 443 lookup 1000 proto 250"), shown);

        nl.apply(new Change.DeleteRule(r));
        assertEquals(List.of(), ours());
    }

    @Test
    void suppressPrefixLengthAndGotoRoundTripAndShowAsIpWritesThem() {
        Rule main = new Rule(Family.INET, 32000, null, null, null, null, 0, 0, 0, null, null, 254,
                RuleAction.TO_TABLE, OWNER, 0, 0);
        Rule jump = new Rule(Family.INET, 10005, IpPrefix.parse("10.1.0.0/16"), null, null, null, 0, 0, 0, null, null,
                0, RuleAction.GOTO, OWNER, Rule.NO_SUPPRESSION, 32000);
        nl.apply(new Change.AddRule(main));
        nl.apply(new Change.AddRule(jump));
        assertEquals(List.of(jump, main), ours());
        String shown = ns.ip("rule", "show");
        assertTrue(shown.contains("32000:\tfrom all lookup main suppress_prefixlength 0 proto 250"), shown);
        assertTrue(shown.contains("10005:\tfrom 10.1.0.0/16 goto 32000 proto 250"), shown);

        nl.apply(new Change.DeleteRule(jump));
        nl.apply(new Change.DeleteRule(main));
        assertEquals(List.of(), ours());
    }

    @Test
    void defaultRulesAreDumpedToo() {
        List<Rule> all = nl.rules(Family.INET);
        assertTrue(all.stream().anyMatch(r -> r.priority() == 32766 && r.table() == 254), all.toString());
        assertTrue(all.stream().anyMatch(r -> r.priority() == 0 && r.table() == 255), all.toString());
    }

    @Test
    void ipv6AndBlackholeRules() {
        Rule r = new Rule(Family.INET6, 200, IpPrefix.parse("2001:db8::/32"), null, null, "wan2", 0, 0, 17,
                null, PortRange.single(53), 0, RuleAction.BLACKHOLE, OWNER);
        nl.apply(new Change.AddRule(r));
        assertTrue(nl.rules(Family.INET6).contains(r));
        assertFalse(ours().contains(r), "IPv4 dump holds no IPv6 rule");
        nl.apply(new Change.DeleteRule(r));
        assertFalse(nl.rules(Family.INET6).contains(r));
    }

    @Test
    void deletingAMissingRuleFailsWithEnoent() {
        Rule r = new Rule(Family.INET, 300, IpPrefix.parse("10.7.0.0/16"), null, null, null, 0, 0, 0, null,
                null, 1000, RuleAction.TO_TABLE, OWNER);
        NetlinkException e = assertThrows(NetlinkException.class, () -> nl.apply(new Change.DeleteRule(r)));
        assertEquals("ENOENT", e.errnoName());
    }
}
