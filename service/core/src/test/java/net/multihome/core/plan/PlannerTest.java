package net.multihome.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.multihome.core.config.ConfigLoader;
import net.multihome.core.config.Examples;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.yang.YangSchema;
import net.multihome.netlink.model.Address;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.IpAddresses;
import net.multihome.netlink.model.IpPrefix;
import net.multihome.netlink.model.RouteScope;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private static final ConfigLoader LOADER = new ConfigLoader(YangSchema.load());
    private static final Planner PLANNER = new Planner(OwnerTag.DEFAULT);
    /** isp1's gateways: IPv4 from its DHCP client, IPv6 from router advertisements. */
    private static final Map<Family, InetAddress> RA_GATEWAY =
            Map.of(Family.INET, IpAddresses.parse("203.0.113.1"), Family.INET6, IpAddresses.parse("fe80::1"));

    /** The seed's router: lo, the LAN on eth0, uplinks if1 and if2 with their addresses. */
    private static Map<String, InterfaceView> seedInterfaces() {
        Map<String, InterfaceView> interfaces = new HashMap<>();
        interfaces.put("lo", link("lo", 1, "127.0.0.1/8"));
        interfaces.put("eth0", link("eth0", 2, "198.51.100.1/26"));
        interfaces.put("if1", link("if1", 3, "203.0.113.2/26"));
        interfaces.put("if2", link("if2", 4, "203.0.113.66/26"));
        return interfaces;
    }

    private static InterfaceView link(String name, int index, String... addresses) {
        List<Address> list = new ArrayList<>();
        for (String a : addresses) {
            String[] parts = a.split("/");
            list.add(new Address(index, IpAddresses.parse(parts[0]), Integer.parseInt(parts[1]),
                    name.equals("lo") ? RouteScope.HOST : RouteScope.UNIVERSE));
        }
        return new InterfaceView(name, index, true, true, list, Map.of());
    }

    private static MultihomeConfig config(String xml) throws Exception {
        return LOADER.load(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> lines(DesiredState state, Map<String, InterfaceView> interfaces) {
        Map<Integer, String> names = new HashMap<>();
        interfaces.values().forEach(i -> names.put(i.ifindex(), i.name()));
        IpCommands ip = new IpCommands(names::get, state.tableNames());
        List<String> out = new ArrayList<>();
        state.nexthops().forEach(n -> out.add(ip.nexthop(n)));
        state.routes().forEach(r -> out.add(ip.route(r)));
        state.rules().forEach(r -> out.add(ip.rule(r)));
        return out;
    }

    private static List<String> plan(String xml, Map<String, Verdict> health,
            Map<String, InterfaceView> interfaces) throws Exception {
        return lines(PLANNER.plan(config(xml), health, new KernelView(interfaces)), interfaces);
    }

    @Test
    void seedRecipeIsPlannedExactlyWithWeightedDefault() throws Exception {
        List<String> expected = List.of(
                // The recipe's split access, with Rod Roark's additions (NET0, the other uplink, lo).
                "ip nexthop add id 1296564240 via 203.0.113.1 dev if1",
                "ip nexthop add id 1296564242 via 203.0.113.65 dev if2",
                "ip nexthop add id 1296564225 group 1296564240,5/1296564242,1 type resilient buckets 128 idle_timer 120 unbalanced_timer 300",
                "ip route add 203.0.113.0/26 dev if1 src 203.0.113.2 table T1",
                "ip route add 198.51.100.0/26 dev eth0 table T1",
                "ip route add 203.0.113.64/26 dev if2 table T1",
                "ip route add 127.0.0.0/8 dev lo table T1",
                "ip route add 203.0.113.64/26 dev if2 src 203.0.113.66 table T2",
                "ip route add 198.51.100.0/26 dev eth0 table T2",
                "ip route add 203.0.113.0/26 dev if1 table T2",
                "ip route add 127.0.0.0/8 dev lo table T2",
                "ip route add default via 203.0.113.1 dev if1 table T1",
                "ip route add default via 203.0.113.65 dev if2 table T2",
                // Load balancing: the weighted default, 5:1.
                "ip route add default nhid 1296564225 table multihome",
                "ip rule add priority 1000 from 203.0.113.2 lookup T1",
                "ip rule add priority 1000 from 203.0.113.66 lookup T2",
                // Main without its defaults, then ours: a DHCP client's default in main never wins.
                "ip rule add priority 32000 lookup main suppress_prefixlength 0",
                "ip rule add priority 32001 lookup multihome");
        assertEquals(expected, plan(Examples.seedProviders(), Map.of(), seedInterfaces()));
    }

    @Test
    void seedPlanSetsL4HashingAndNamesTables() throws Exception {
        DesiredState state = PLANNER.plan(config(Examples.seedProviders()), Map.of(), new KernelView(seedInterfaces()));
        assertEquals(Map.of("ipv4/fib_multipath_hash_policy", "1", "ipv6/fib_multipath_hash_policy", "1"),
                state.sysctls());
        assertEquals(Map.of(101L, "T1", 102L, "T2", 4200L, "multihome"), state.tableNames());
        assertEquals("83.33", state.providers().get(0).defaultRouteShare().toPlainString());
        assertEquals("16.67", state.providers().get(1).defaultRouteShare().toPlainString());
    }

    @Test
    void downProviderLeavesTheDefaultButKeepsItsSplitAccess() throws Exception {
        List<String> lines = plan(Examples.seedProviders(), Verdicts.down("isp1"), seedInterfaces());
        assertTrue(lines.contains("ip nexthop add id 1296564225 group 1296564242,1 type resilient buckets 128 idle_timer 120 unbalanced_timer 300"),
                lines::toString);
        assertTrue(lines.contains("ip route add default via 203.0.113.1 dev if1 table T1"));
        assertTrue(lines.contains("ip rule add priority 1000 from 203.0.113.2 lookup T1"));
        assertTrue(lines.stream().noneMatch(l -> l.contains("via 203.0.113.1 dev if1") && l.startsWith("ip nexthop")));
    }

    @Test
    void theHealthDecidersReasonIsTheProvidersReason() throws Exception {
        DesiredState state = PLANNER.plan(config(Examples.seedProviders()), Verdicts.down("isp1"),
                new KernelView(seedInterfaces()));
        assertEquals(OperStatus.DOWN, state.providers().get(0).status());
        assertEquals(Verdicts.DOWN_REASON, state.providers().get(0).reason());
    }

    @Test
    void allDownKeepsEveryLinkUpProviderByDefault() throws Exception {
        DesiredState state = PLANNER.plan(config(Examples.seedProviders()),
                Verdicts.down("isp1", "isp2"), new KernelView(seedInterfaces()));
        assertEquals(OperStatus.DOWN, state.providers().get(0).status());
        assertTrue(lines(state, seedInterfaces()).contains("ip route add default nhid 1296564225 table multihome"));
    }

    @Test
    void allDownWithUnreachableRemovesTheDefault() throws Exception {
        String xml = Examples.seedProviders().replace("<hash-policy>l4</hash-policy>",
                "<hash-policy>l4</hash-policy><all-down>unreachable</all-down>");
        List<String> lines = plan(xml, Verdicts.down("isp1", "isp2"),
                seedInterfaces());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("ip route add default nhid")), lines::toString);
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("ip nexthop")), lines::toString);
        assertTrue(lines.contains("ip route add unreachable default table multihome"), lines::toString);
    }

    @Test
    void carrierLossTakesProviderOutWithoutProbes() throws Exception {
        Map<String, InterfaceView> interfaces = seedInterfaces();
        InterfaceView if2 = interfaces.get("if2");
        interfaces.put("if2", new InterfaceView("if2", 4, true, false, if2.addresses(), Map.of()));
        DesiredState state = PLANNER.plan(config(Examples.seedProviders()), Map.of(), new KernelView(interfaces));
        assertEquals(OperStatus.DOWN, state.providers().get(1).status());
        assertEquals("interface if2 has no carrier", state.providers().get(1).reason());
        assertEquals("100.00", state.providers().get(0).defaultRouteShare().toPlainString());
    }

    @Test
    void missingInterfaceIsNoInterfaceAndPlansNothingForIt() throws Exception {
        Map<String, InterfaceView> interfaces = seedInterfaces();
        interfaces.remove("if2");
        List<String> lines = plan(Examples.seedProviders(), Map.of(), interfaces);
        assertTrue(lines.stream().noneMatch(l -> l.contains("T2") || l.contains("203.0.113.64")), lines::toString);
    }

    @Test
    void lowerTierCarriesTheDefaultAndHigherTierWaits() throws Exception {
        String xml = Examples.seedProviders().replace("<weight>1</weight>", "<weight>1</weight><tier>1</tier>");
        List<String> up = plan(xml, Map.of(), seedInterfaces());
        assertTrue(up.contains("ip nexthop add id 1296564225 group 1296564240,5 type resilient buckets 128 idle_timer 120 unbalanced_timer 300"), up::toString);
        List<String> failed = plan(xml, Verdicts.down("isp1"), seedInterfaces());
        assertTrue(failed.contains("ip nexthop add id 1296564225 group 1296564242,1 type resilient buckets 128 idle_timer 120 unbalanced_timer 300"), failed::toString);
    }

    @Test
    void failoverModeGivesOneDefaultPerProviderWithIncreasingMetrics() throws Exception {
        String xml = Examples.seedProviders().replace("<mode>load-balance</mode>", "<mode>failover</mode>");
        List<String> lines = plan(xml, Map.of(), seedInterfaces());
        assertTrue(lines.contains("ip route add default via 203.0.113.1 dev if1 table multihome"), lines::toString);
        assertTrue(lines.contains("ip route add default via 203.0.113.65 dev if2 metric 1 table multihome"),
                lines::toString);
    }

    @Test
    void legacyMultipathRouteCarriesWeights() throws Exception {
        String xml = Examples.seedProviders().replace("<hash-policy>l4</hash-policy>",
                "<hash-policy>l4</hash-policy><default-route><kind>multipath</kind></default-route>");
        List<String> lines = plan(xml, Map.of(), seedInterfaces());
        assertTrue(lines.contains("ip route add default table multihome nexthop via 203.0.113.1 dev if1 weight 5 nexthop via 203.0.113.65 dev if2 weight 1"),
                lines::toString);
    }

    @Test
    void policyRulesFollowPriorityAndProviderHealth() throws Exception {
        String xml = Examples.seedProviders().replace("</multihome>",
                "<policy><name>voip</name><priority>20</priority><match><source-prefix>198.51.100.32/27</source-prefix>"
                        + "<protocol>17</protocol><destination-port><start>5060</start><end>5061</end></destination-port></match>"
                        + "<provider>isp2</provider><when-down>drop</when-down></policy>"
                        + "<policy><name>web</name><priority>10</priority><match><destination-prefix>192.0.2.0/24</destination-prefix></match>"
                        + "<provider>isp1</provider></policy></multihome>");
        List<String> up = plan(xml, Map.of(), seedInterfaces());
        assertTrue(up.contains("ip rule add priority 10010 to 192.0.2.0/24 lookup T1"), up::toString);
        assertTrue(up.contains("ip rule add priority 10020 from 198.51.100.32/27 ipproto 17 dport 5060-5061 lookup T2"), up::toString);
        List<String> down = plan(xml, Verdicts.down("isp1", "isp2"), seedInterfaces());
        assertTrue(down.stream().noneMatch(l -> l.startsWith("ip rule add priority 10010")), "web falls back");
        assertTrue(down.contains("ip rule add priority 10020 from 198.51.100.32/27 ipproto 17 dport 5060-5061 unreachable"), down::toString);
    }

    @Test
    void balancedPolicyContinuesAtTheDefaultRouteRules() throws Exception {
        String xml = Examples.seedProviders().replace("</multihome>",
                "<policy><name>lan</name><priority>5</priority><match><source-prefix>198.51.100.0/27</source-prefix>"
                        + "</match><balanced/></policy></multihome>");
        List<String> lines = plan(xml, Map.of(), seedInterfaces());
        assertTrue(lines.contains("ip rule add priority 10005 from 198.51.100.0/27 goto 32000"), lines::toString);
    }

    @Test
    void pointToPointPeerIsTheGatewayOfALearningProvider() throws Exception {
        String xml = Examples.seedProviders().replaceAll(
                "(?s)<interface>if2</interface>\\s*<ipv4>\\s*<address>203\\.0\\.113\\.66</address>.*?</ipv4>",
                "<interface>ppp0</interface>");
        Map<String, InterfaceView> interfaces = seedInterfaces();
        interfaces.remove("if2");
        // What pppd configures: "inet 100.64.9.2 peer 100.64.9.1/32", and no route.
        interfaces.put("ppp0", new InterfaceView("ppp0", 9, true, true, List.of(new Address(9,
                IpAddresses.parse("100.64.9.2"), 32, RouteScope.UNIVERSE, IpAddresses.parse("100.64.9.1"))), Map.of()));
        List<String> lines = plan(xml, Map.of(), interfaces);
        assertTrue(lines.contains("ip route add 100.64.9.1/32 dev ppp0 src 100.64.9.2 table T2"), lines::toString);
        assertTrue(lines.contains("ip route add default via 100.64.9.1 dev ppp0 table T2"), lines::toString);
        assertTrue(lines.contains("ip rule add priority 1000 from 100.64.9.2 lookup T2"), lines::toString);
        assertTrue(lines.contains("ip nexthop add id 1296564242 via 100.64.9.1 dev ppp0"), lines::toString);
    }

    @Test
    void translationPlansMasqueradeForwardsMarksAndTheirRules() throws Exception {
        DesiredState state = PLANNER.plan(config(Examples.seedTranslating()), Verdicts.down("isp1"),
                new KernelView(seedInterfaces()));
        NatPlan nat = state.nat();
        assertEquals(List.of(new NatPlan.Uplink("if1", 0x650000L), new NatPlan.Uplink("if2", 0x660000L)),
                nat.uplinks(), "every enabled provider, down or not: the table stays as it is at failover");
        assertEquals(List.of(new NatPlan.SourceNat(IpPrefix.parse("198.51.100.0/26"), "if1", null),
                new NatPlan.SourceNat(IpPrefix.parse("198.51.100.0/26"), "if2", null)), nat.sourceNats());
        assertEquals(List.of(new NatPlan.Forward("if2", IpAddresses.parse("203.0.113.66"), 6, 8080,
                IpAddresses.parse("198.51.100.10"), 80)), nat.forwards());
        assertEquals(java.util.Set.of(0x660000L), nat.serving(), "isp1 is down: its connections may go");
        List<String> lines = lines(state, seedInterfaces());
        assertTrue(lines.contains("ip rule add priority 1100 fwmark 0x650000/0xff0000 lookup T1")
                && lines.contains("ip rule add priority 1100 fwmark 0x660000/0xff0000 lookup T2"), lines::toString);
    }

    @Test
    void withoutTranslationThereIsNoTableAndNoMarkRule() throws Exception {
        DesiredState state = PLANNER.plan(config(Examples.seedProviders()), Map.of(), new KernelView(seedInterfaces()));
        assertEquals(NatPlan.NONE, state.nat());
        assertTrue(lines(state, seedInterfaces()).stream().noneMatch(l -> l.contains("fwmark")));
    }

    @Test
    void learnedAddressAndGatewayAreUsed() throws Exception {
        String xml = Examples.seedProviders().replaceAll(
                "(?s)<ipv4>\\s*<address>203\\.0\\.113\\.66</address>.*?</ipv4>", "");
        Map<String, InterfaceView> interfaces = seedInterfaces();
        InterfaceView if2 = interfaces.get("if2");
        interfaces.put("if2", new InterfaceView("if2", 4, true, true, if2.addresses(),
                Map.of(Family.INET, IpAddresses.parse("203.0.113.65"))));
        MultihomeConfig config = config(xml);
        assertEquals(null, config.provider("isp2").orElseThrow().ipv4().address());
        DesiredState state = PLANNER.plan(config, Map.of(), new KernelView(interfaces));
        List<String> lines = lines(state, interfaces);
        assertTrue(lines.contains("ip route add default via 203.0.113.65 dev if2 table T2"), lines::toString);
        assertTrue(lines.contains("ip rule add priority 1000 from 203.0.113.66 lookup T2"), lines::toString);
        assertTrue(state.providers().get(1).families().getFirst().learned());
    }

    @Test
    void ipv6ProviderGetsItsOwnTableRoutesRuleAndDefaultGroup() throws Exception {
        String xml = Examples.seedProviders().replace("<table>101</table>",
                "<ipv6><address>2001:db8:1::2</address><prefix-length>64</prefix-length><gateway>fe80::1</gateway></ipv6>"
                        + "<table>101</table>");
        Map<String, InterfaceView> interfaces = seedInterfaces();
        List<String> lines = plan(xml, Map.of(), interfaces);
        assertTrue(lines.contains("ip -6 route add 2001:db8:1::/64 dev if1 src 2001:db8:1::2 table T1"), lines::toString);
        assertTrue(lines.contains("ip -6 route add default via fe80::1 dev if1 table T1"), lines::toString);
        assertTrue(lines.contains("ip -6 rule add priority 1000 from 2001:db8:1::2 lookup T1"), lines::toString);
        assertTrue(lines.contains("ip nexthop add id 1296564241 via fe80::1 dev if1"), lines::toString);
        assertTrue(lines.contains("ip -6 route add default nhid 1296564226 table multihome"), lines::toString);
        assertTrue(lines.contains("ip -6 rule add priority 32000 lookup main suppress_prefixlength 0"), lines::toString);
    }

    @Test
    void disabledProviderHasNoObjects() throws Exception {
        String xml = Examples.seedProviders().replace("<name>isp2</name>", "<name>isp2</name><enabled>false</enabled>");
        DesiredState state = PLANNER.plan(config(xml), Map.of(), new KernelView(seedInterfaces()));
        assertEquals(OperStatus.DISABLED, state.providers().get(1).status());
        assertEquals(Map.of(101L, "T1", 4200L, "multihome"), state.tableNames());
        assertTrue(lines(state, seedInterfaces()).stream().noneMatch(l -> l.contains("T2")));
    }

    /** isp1 learns IPv6 (an empty ipv6 container), as from router advertisements. */
    private static String learnedIpv6() {
        return Examples.seedProviders().replace("<table>101</table>", "<ipv6/><table>101</table>");
    }

    private static Map<String, InterfaceView> withIpv6(Map<Family, InetAddress> gateways,
            Address... v6) {
        Map<String, InterfaceView> interfaces = seedInterfaces();
        List<Address> addresses = new ArrayList<>(interfaces.get("if1").addresses());
        addresses.addAll(List.of(v6));
        interfaces.put("if1", new InterfaceView("if1", 3, true, true, addresses, gateways));
        return interfaces;
    }

    private static Address slaac(String address, int flags) {
        return new Address(3, IpAddresses.parse(address), 64, RouteScope.UNIVERSE, null, flags);
    }

    @Test
    void afterARenumberingThePreferredSlaacAddressWinsOverTheDeprecatedOne() throws Exception {
        // The kernel lists the old, deprecated address first when the prefix comes back after a renumbering.
        Map<String, InterfaceView> interfaces = withIpv6(RA_GATEWAY,
                slaac("2001:db8:11::5", Address.DEPRECATED), slaac("2001:db8:1::5", 0));
        List<String> lines = plan(learnedIpv6(), Map.of(), interfaces);
        assertTrue(lines.contains("ip -6 rule add priority 1000 from 2001:db8:1::5 lookup T1"), lines::toString);
        assertTrue(lines.contains("ip -6 route add 2001:db8:1::/64 dev if1 src 2001:db8:1::5 table T1"),
                lines::toString);
        assertTrue(lines.stream().noneMatch(l -> l.contains("2001:db8:11::")), lines::toString);
    }

    @Test
    void aTentativeOrDadFailedAddressIsNeverUsedButADeprecatedOneIsWhenItIsTheOnlyOne() throws Exception {
        List<String> lines = plan(learnedIpv6(), Map.of(), withIpv6(RA_GATEWAY,
                slaac("2001:db8:1::5", Address.TENTATIVE), slaac("2001:db8:2::5", Address.DADFAILED),
                slaac("2001:db8:3::5", Address.DEPRECATED)));
        assertTrue(lines.contains("ip -6 rule add priority 1000 from 2001:db8:3::5 lookup T1"), lines::toString);

        DesiredState state = PLANNER.plan(config(learnedIpv6()), Map.of(), new KernelView(withIpv6(RA_GATEWAY,
                slaac("2001:db8:1::5", Address.TENTATIVE))));
        assertTrue(state.providers().get(0).families().stream().noneMatch(f -> f.family() == Family.INET6),
                state.providers().get(0)::toString);
        assertTrue(lines(state, seedInterfaces()).stream().noneMatch(l -> l.startsWith("ip -6 rule add priority 1000")));
    }

    @Test
    void aProviderWithoutItsRoutersAdvertisementLeavesTheIpv6DefaultAndSaysWhy() throws Exception {
        Map<String, InterfaceView> interfaces = withIpv6(Map.of(Family.INET, IpAddresses.parse("203.0.113.1")),
                slaac("2001:db8:1::5", 0));
        DesiredState state = PLANNER.plan(config(learnedIpv6()), Map.of(), new KernelView(interfaces));
        ProviderPlan isp1 = state.providers().get(0);
        assertEquals(OperStatus.UP, isp1.status());
        assertEquals("no health verdict yet; IPv6 not routed: interface if1 has no usable IPv6 gateway"
                + " (no default route from router advertisements)", isp1.reason());
        List<String> lines = lines(state, interfaces);
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("ip -6 route add default nhid")
                || l.startsWith("ip -6 rule add priority 1000")), lines::toString);
        assertTrue(lines.contains("ip rule add priority 1000 from 203.0.113.2 lookup T1"), lines::toString);
    }
}
