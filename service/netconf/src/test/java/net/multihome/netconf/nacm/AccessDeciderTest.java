package net.multihome.netconf.nacm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.multihome.core.config.Nacm;
import net.multihome.core.config.Nacm.Access;
import net.multihome.core.config.Nacm.Rule;
import net.multihome.core.config.Nacm.RuleList;
import net.multihome.core.config.Nacm.Target;
import net.multihome.core.config.NacmPath;
import org.junit.jupiter.api.Test;

/** RFC 8341 3.4 with the groups and rule-lists of its Appendix A, on multihome's nodes. */
class AccessDeciderTest {
    private static final Set<Access> ALL = EnumSet.allOf(Access.class);

    /** RFC 8341 A.1 groups; A.2-A.5 rule-lists, adapted to this server's modules. */
    private static final Nacm RULES = new Nacm(true, true, true, false, true,
            Map.of("admin", Set.of("admin", "andy"), "limited", Set.of("wilma", "bam-bam"),
                    "guest", Set.of("guest", "guest@example.com")),
            List.of(
                    new RuleList("guest-acl", Set.of("guest"), List.of(
                            new Rule("deny-ncm", "ietf-netconf-monitoring", data("/"), ALL, false))),
                    new RuleList("limited-acl", Set.of("limited"), List.of(
                            new Rule("permit-ncm", "ietf-netconf-monitoring", data("/"),
                                    EnumSet.of(Access.READ, Access.EXEC), true),
                            new Rule("deny-isp1", "multihome",
                                    data("/mh:multihome/mh:provider[mh:name='isp1']"),
                                    EnumSet.of(Access.CREATE, Access.UPDATE, Access.DELETE), false),
                            new Rule("permit-providers", "multihome", data("/mh:multihome/mh:provider"),
                                    EnumSet.of(Access.CREATE, Access.UPDATE, Access.DELETE), true))),
                    new RuleList("guest-limited-acl", Set.of("limited", "guest"), List.of(
                            new Rule("deny-kill-session", "ietf-netconf", new Target.Operation("kill-session"),
                                    EnumSet.of(Access.EXEC), false),
                            new Rule("deny-delete-config", "ietf-netconf", new Target.Operation("delete-config"),
                                    EnumSet.of(Access.EXEC), false))),
                    new RuleList("admin-acl", Set.of("admin"), List.of(
                            new Rule("permit-all", "*", new Target.Any(), ALL, true)))));

    @Test
    void adminsExplicitRulePermitsEvenDefaultDenyAllOperationsAndNodes() {
        assertTrue(AccessDecider.mayExecute(RULES, "andy", "ietf-netconf", "kill-session", true));
        assertTrue(AccessDecider.mayAccess(RULES, "admin", passwordHash(), Access.READ));
        assertTrue(AccessDecider.mayAccess(RULES, "admin", passwordHash(), Access.UPDATE));
    }

    @Test
    void anRpcRuleDeniesTheOperationAndOthersFallToExecDefault() {
        assertFalse(AccessDecider.mayExecute(RULES, "wilma", "ietf-netconf", "kill-session", true));
        assertFalse(AccessDecider.mayExecute(RULES, "guest", "ietf-netconf", "delete-config", true));
        assertTrue(AccessDecider.mayExecute(RULES, "wilma", "ietf-netconf", "edit-config", false));
    }

    @Test
    void withoutAMatchingRuleDefaultDenyAllOperationsAreDenied() {
        assertFalse(AccessDecider.mayExecute(RULES, "nobody", "ietf-netconf", "kill-session", true));
        assertTrue(AccessDecider.mayExecute(RULES, "nobody", "ietf-netconf", "get-config", false));
        Nacm execDeny = new Nacm(true, true, true, false, false, RULES.groups(), RULES.ruleLists());
        assertFalse(AccessDecider.mayExecute(execDeny, "nobody", "ietf-netconf", "get-config", false));
    }

    @Test
    void aModuleRuleForAllPathsHidesThatModulesData() {
        DataNode sessions = DataNode.top(new DataNode.Step("ietf-netconf-monitoring", "netconf-state", Map.of()),
                false, false);
        assertFalse(AccessDecider.mayAccess(RULES, "guest", sessions, Access.READ));
        assertTrue(AccessDecider.mayAccess(RULES, "wilma", sessions, Access.READ));
        assertTrue(AccessDecider.mayAccess(RULES, "guest", provider("isp1"), Access.READ), "other modules: read-default");
    }

    @Test
    void aKeyPredicateLimitsThePathRuleToThatEntryAndItsDescendants() {
        DataNode weight = provider("isp1").child(new DataNode.Step("multihome", "weight", Map.of()), false, false);
        assertFalse(AccessDecider.mayAccess(RULES, "wilma", weight, Access.UPDATE));
        assertFalse(AccessDecider.mayAccess(RULES, "wilma", provider("isp1"), Access.DELETE));
        assertTrue(AccessDecider.mayAccess(RULES, "wilma", provider("isp2"), Access.DELETE));
        assertTrue(AccessDecider.mayAccess(RULES, "wilma", provider("isp1"), Access.READ), "read is not in the rule");
    }

    @Test
    void withoutARuleWritesFallToWriteDefaultAndMarkedNodesAreDenied() {
        assertFalse(AccessDecider.mayAccess(RULES, "guest", provider("isp1"), Access.CREATE));
        assertFalse(AccessDecider.mayAccess(RULES, "guest", passwordHash(), Access.READ), "default-deny-all");
        Nacm writePermit = new Nacm(true, true, true, true, true, RULES.groups(), RULES.ruleLists());
        assertTrue(AccessDecider.mayAccess(writePermit, "guest", provider("isp1"), Access.CREATE));
        DataNode management = DataNode.top(new DataNode.Step("multihome", "multihome", Map.of()), false, false)
                .child(new DataNode.Step("multihome", "management", Map.of()), false, true);
        assertFalse(AccessDecider.mayAccess(writePermit, "guest", management, Access.UPDATE), "default-deny-write");
        DataNode inside = management.child(new DataNode.Step("multihome", "snmp", Map.of()), false, false);
        assertFalse(AccessDecider.mayAccess(writePermit, "guest", inside, Access.CREATE), "inherited below it");
        assertTrue(AccessDecider.mayAccess(writePermit, "guest", inside, Access.READ));
    }

    @Test
    void theFirstMatchingRuleDecidesAndAStarRuleListAppliesToEveryGroup() {
        Nacm rules = new Nacm(true, true, true, false, true, Map.of("noc", Set.of("nick")), List.of(
                new RuleList("all", Set.of("*"), List.of(
                        new Rule("deny-commit", "*", new Target.Operation("commit"), EnumSet.of(Access.EXEC), false),
                        new Rule("permit-everything", "*", new Target.Any(), ALL, true)))));
        assertFalse(AccessDecider.mayExecute(rules, "nick", "ietf-netconf", "commit", false));
        assertTrue(AccessDecider.mayAccess(rules, "nick", provider("isp1"), Access.UPDATE));
        assertFalse(AccessDecider.mayAccess(rules, "stranger", provider("isp1"), Access.UPDATE),
                "a user in no group matches no rule-list, not even '*'");
    }

    @Test
    void theRecoveryUserAndDisabledNacmBypassEveryRule() {
        assertTrue(AccessDecider.mayExecute(RULES, AccessDecider.RECOVERY_USER, "ietf-netconf", "kill-session", true));
        assertTrue(AccessDecider.mayAccess(RULES, AccessDecider.RECOVERY_USER, passwordHash(), Access.READ));
        assertTrue(AccessDecider.mayAccess(Nacm.NONE, "guest", passwordHash(), Access.DELETE));
        assertTrue(AccessDecider.mayExecute(Nacm.NONE, "guest", "ietf-netconf", "kill-session", true));
    }

    @Test
    void aPermitAllRuleFirstForTheUserPermitsEveryReadAndWrite() {
        Set<Access> writes = EnumSet.of(Access.CREATE, Access.UPDATE, Access.DELETE);
        assertTrue(AccessDecider.permitsEvery(RULES, "admin", writes));
        assertTrue(AccessDecider.permitsEvery(RULES, "andy", Set.of(Access.READ)));
        assertTrue(AccessDecider.permitsEvery(RULES, AccessDecider.RECOVERY_USER, writes));
        assertTrue(AccessDecider.permitsEvery(Nacm.NONE, "guest", writes));
        assertFalse(AccessDecider.permitsEvery(RULES, "wilma", writes), "a path rule comes first");
        assertFalse(AccessDecider.permitsEvery(RULES, "guest", Set.of(Access.READ)), "a deny rule comes first");
        assertFalse(AccessDecider.permitsEvery(RULES, "stranger", Set.of(Access.READ)), "in no group");
    }

    @Test
    void aPermitAllRuleBehindAnotherOrForFewerAccessesDoesNotPermitEverything() {
        Rule permitAll = new Rule("permit-all", "*", new Target.Any(), ALL, true);
        Map<String, Set<String>> groups = Map.of("noc", Set.of("nick"));
        Nacm behind = new Nacm(true, true, true, false, true, groups, List.of(
                new RuleList("all", Set.of("*"), List.of(
                        new Rule("deny-commit", "*", new Target.Operation("commit"), EnumSet.of(Access.EXEC), false),
                        permitAll))));
        assertFalse(AccessDecider.permitsEvery(behind, "nick", Set.of(Access.READ)));
        Nacm readOnly = new Nacm(true, true, true, false, true, groups, List.of(
                new RuleList("noc", Set.of("noc"), List.of(
                        new Rule("read-all", "*", new Target.Any(), EnumSet.of(Access.READ), true)))));
        assertTrue(AccessDecider.permitsEvery(readOnly, "nick", Set.of(Access.READ)));
        assertFalse(AccessDecider.permitsEvery(readOnly, "nick", EnumSet.of(Access.CREATE, Access.UPDATE)));
        Nacm oneModule = new Nacm(true, true, true, false, true, groups, List.of(
                new RuleList("noc", Set.of("noc"), List.of(
                        new Rule("multihome", "multihome", new Target.Any(), ALL, true)))));
        assertFalse(AccessDecider.permitsEvery(oneModule, "nick", Set.of(Access.READ)));
        Nacm emptyListFirst = new Nacm(true, true, true, false, true, groups, List.of(
                new RuleList("empty", Set.of("noc"), List.of()), new RuleList("all", Set.of("noc"), List.of(permitAll))));
        assertTrue(AccessDecider.permitsEvery(emptyListFirst, "nick", Set.of(Access.READ)),
                "a rule-list without rules matches nothing");
    }

    @Test
    void notificationRulesMatchByNameAndFallToReadDefault() {
        Nacm rules = new Nacm(true, true, true, false, true, Map.of("noc", Set.of("nick")), List.of(
                new RuleList("noc", Set.of("noc"), List.of(new Rule("no-config-change", "ietf-netconf-notifications",
                        new Target.Notification("netconf-config-change"), EnumSet.of(Access.READ), false)))));
        assertFalse(AccessDecider.mayReceive(rules, "nick", "ietf-netconf-notifications", "netconf-config-change"));
        assertTrue(AccessDecider.mayReceive(rules, "nick", "multihome", "provider-state-change"));
    }

    private static Target data(String path) {
        return new Target.Data(NacmPath.parse(path));
    }

    private static DataNode provider(String name) {
        return DataNode.top(new DataNode.Step("multihome", "multihome", Map.of()), false, false)
                .child(new DataNode.Step("multihome", "provider", Map.of("name", name)), false, false);
    }

    private static DataNode passwordHash() {
        return DataNode.top(new DataNode.Step("multihome", "multihome", Map.of()), false, false)
                .child(new DataNode.Step("multihome", "management", Map.of()), false, true)
                .child(new DataNode.Step("multihome", "netconf", Map.of()), false, false)
                .child(new DataNode.Step("multihome", "user", Map.of("name", "admin")), false, false)
                .child(new DataNode.Step("multihome", "password-hash", Map.of()), true, false);
    }
}
