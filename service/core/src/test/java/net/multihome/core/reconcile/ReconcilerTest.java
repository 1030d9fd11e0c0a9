package net.multihome.core.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import net.multihome.core.config.ConfigLoader;
import net.multihome.core.config.Examples;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.lease.DhcpLease;
import net.multihome.core.plan.OwnerTag;
import net.multihome.core.plan.Verdicts;
import net.multihome.core.yang.YangSchema;
import net.multihome.netlink.Change;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.IpAddresses;
import net.multihome.netlink.model.IpPrefix;
import net.multihome.netlink.model.Nexthop;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.RouteScope;
import net.multihome.netlink.model.RouteType;
import net.multihome.netlink.socket.Errno;
import net.multihome.testkit.FakeDataplane;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconcilerTest {

    private static final ConfigLoader LOADER = new ConfigLoader(YangSchema.load());
    private static final int OURS = OwnerTag.DEFAULT.protocol();

    @TempDir
    Path dir;

    private FakeDataplane kernel;
    private Reconciler reconciler;
    private MultihomeConfig seed;

    @BeforeEach
    void seedRouter() throws Exception {
        kernel = new FakeDataplane();
        kernel.addLink(1, "lo", "127.0.0.1/8", RouteScope.HOST);
        kernel.addLink(2, "eth0", "198.51.100.1/26", RouteScope.UNIVERSE);
        kernel.addLink(3, "if1", "203.0.113.2/26", RouteScope.UNIVERSE);
        kernel.addLink(4, "if2", "203.0.113.66/26", RouteScope.UNIVERSE);
        reconciler = new Reconciler(kernel, OwnerTag.DEFAULT, new TableNamesFile(dir.resolve("rt_tables.d/multihome.conf")));
        seed = LOADER.load(new ByteArrayInputStream(Examples.seedProviders().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void firstPassBuildsTheSeedStateAndTheSecondChangesNothing() {
        PassResult first = reconciler.pass(seed, Map.of());
        assertTrue(first.converged(), first::summary);
        assertEquals(18, first.applied());
        kernel.applied.clear();
        PassResult second = reconciler.pass(seed, Map.of());
        assertEquals(0, second.applied());
        assertEquals(List.of(), kernel.applied);
    }

    @Test
    void replanOfAConfigWantingTheSameKernelObjectsTouchesNothingAndCarriesTheNewConfig() throws Exception {
        PassResult first = reconciler.pass(seed, Map.of());
        kernel.applied.clear();
        int reads = kernel.linkReads;
        MultihomeConfig described = config(Examples.seedProviders().replace("<name>isp1</name>",
                "<name>isp1</name><description>uplink in rack 4</description>"));
        PassResult replanned = reconciler.replan(described, Map.of(), first).orElseThrow();
        assertEquals(0, replanned.applied());
        assertTrue(replanned.converged());
        assertEquals(first.desired().routes(), replanned.desired().routes());
        assertEquals(reads, kernel.linkReads, "the kernel was not read");
        assertEquals(List.of(), kernel.applied);
    }

    @Test
    void replanOfAChangedWeightReplacesTheGroupAloneWithoutReadingTheKernel() throws Exception {
        PassResult first = reconciler.pass(seed, Map.of());
        kernel.applied.clear();
        int reads = kernel.linkReads;
        PassResult reweighted = reconciler.replan(config(Examples.seedProviders()
                .replace("<weight>5</weight>", "<weight>4</weight>")), Map.of(), first).orElseThrow();
        assertTrue(reweighted.converged(), reweighted::summary);
        assertEquals(1, reweighted.applied());
        assertEquals(reads, kernel.linkReads, "the kernel was not read");
        assertTrue(kernel.applied.getFirst() instanceof Change.ReplaceNexthop p
                && p.nexthop() instanceof Nexthop.Group g && g.members().stream().anyMatch(m -> m.weight() == 4),
                kernel.applied::toString);
        assertEquals(1, kernel.applied.size(), kernel.applied::toString);
        kernel.applied.clear();
        assertEquals(0, reconciler.pass(config(Examples.seedProviders()
                .replace("<weight>5</weight>", "<weight>4</weight>")), Map.of()).applied(),
                "a full pass finds the kernel as the replan left it");
    }

    @Test
    void replanOfAProviderGoingDownShrinksTheGroupAndTheNextReplanBuildsOnIt() {
        PassResult first = reconciler.pass(seed, Map.of());
        kernel.applied.clear();
        PassResult down = reconciler.replan(seed, Verdicts.down("isp1"), first).orElseThrow();
        assertTrue(down.converged(), down::summary);
        assertEquals(2, kernel.applied.size(), kernel.applied::toString);
        assertTrue(kernel.applied.get(1) instanceof Change.DeleteNexthop, "the unused member goes last");
        kernel.applied.clear();
        PassResult up = reconciler.replan(seed, Map.of(), down).orElseThrow();
        assertTrue(up.converged(), up::summary);
        assertTrue(kernel.applied.getFirst() instanceof Change.AddNexthop, kernel.applied::toString);
        assertEquals(first.desired().nexthops(), up.desired().nexthops());
        assertEquals(first.desired().nexthops().size(), kernel.nexthops.size());
    }

    @Test
    void aRefusedNexthopChangeIsLeftToAFullPassThatReportsIt() throws Exception {
        PassResult first = reconciler.pass(seed, Map.of());
        MultihomeConfig reweighted = config(Examples.seedProviders().replace("<weight>5</weight>", "<weight>4</weight>"));
        kernel.refuse = "weight=4";
        int reads = kernel.linkReads;
        assertTrue(reconciler.replan(reweighted, Map.of(), first).isEmpty(), "a refusal reads the kernel");
        PassResult refused = reconciler.pass(reweighted, Map.of());
        assertEquals(reads + 1, kernel.linkReads);
        assertFalse(refused.converged());
        PassError.Refused error = (PassError.Refused) refused.errors().getFirst();
        assertTrue(error.message().startsWith("ip nexthop replace id "), error::message);
        assertTrue(error.message().endsWith(": EINVAL: refused by the test"), error::message);
        assertTrue(reconciler.replan(reweighted, Map.of(), refused).isEmpty(), "a refusal is retried in full");
        kernel.refuse = null;
        PassResult again = reconciler.pass(seed, Map.of());
        assertTrue(reconciler.replan(reweighted, Map.of(), first).isEmpty(), "only the last pass's nexthops are known");
        assertTrue(reconciler.replan(reweighted, Map.of(), again).isPresent());
    }

    @Test
    void nexthopsTheKernelRemovedSinceTheLastPassAreLeftToAFullPass() {
        PassResult first = reconciler.pass(seed, Map.of());
        // A link that goes down takes its nexthops with it; its event may still be on the way.
        kernel.refuse = "DeleteNexthop";
        kernel.refuseErrno = Errno.ENOENT;
        assertTrue(reconciler.replan(seed, Verdicts.down("isp1"), first).isEmpty());
        kernel.refuse = null;
        PassResult passed = reconciler.pass(seed, Verdicts.down("isp1"));
        assertTrue(passed.converged(), passed::summary);
        assertTrue(kernel.nexthops.values().stream().anyMatch(n -> n instanceof Nexthop.Group g
                && g.members().size() == 1), kernel.nexthops::toString);
    }

    @Test
    void anotherOwnersNexthopInTheWayIsLeftToAFullPassThatReportsIt() throws Exception {
        PassResult first = reconciler.pass(seed, Map.of());
        int groupId = first.desired().nexthops().stream().filter(n -> n instanceof Nexthop.Group).findFirst()
                .orElseThrow().id();
        PassResult down = reconciler.replan(seed, Verdicts.down("isp1"), first).orElseThrow();
        int freed = first.desired().nexthops().stream().mapToInt(Nexthop::id)
                .filter(id -> down.desired().nexthops().stream().noneMatch(n -> n.id() == id)).findFirst().orElseThrow();
        Nexthop taken = kernel.nexthops.values().stream().filter(n -> n.id() != groupId).findFirst().orElseThrow();
        kernel.nexthops.put(freed, foreign(taken, freed));
        PassResult seen = reconciler.pass(seed, Verdicts.down("isp1"));
        assertTrue(seen.converged(), seen::summary);
        assertTrue(reconciler.replan(seed, Map.of(), seen).isEmpty());
        PassResult blocked = reconciler.pass(seed, Map.of());
        assertFalse(blocked.converged());
        assertTrue(blocked.conflicts().getFirst().contains("belongs to protocol 16"), blocked::summary);
    }

    private static Nexthop foreign(Nexthop like, int id) {
        Nexthop.Single s = (Nexthop.Single) like;
        return new Nexthop.Single(id, s.family(), s.gateway(), s.ifindex(), s.blackhole(), 16);
    }

    @Test
    void replanOfChangedRoutesAsksForAFullPassThatTakesItsPlan() throws Exception {
        PassResult first = reconciler.pass(seed, Map.of());
        MultihomeConfig moved = config(Examples.seedProviders().replace("<table>101</table>", "<table>103</table>"));
        assertTrue(reconciler.replan(moved, Map.of(), first).isEmpty());
        PassResult passed = reconciler.pass(moved, Map.of());
        assertTrue(passed.converged());
        assertTrue(passed.applied() > 0);
        assertTrue(reconciler.replan(moved, Map.of(), passed).isPresent(), "the kernel has what was planned");
    }

    @Test
    void replanOfAChangedNatPlanReplacesTheTableWithoutReadingRoutes() throws Exception {
        MultihomeConfig translating = config(Examples.seedTranslating());
        PassResult first = reconciler.pass(translating, Map.of());
        int reads = kernel.linkReads;
        MultihomeConfig unforwarded = config(Examples.seedTranslating()
                .replaceFirst("(?s)<port-forward>.*</port-forward>", ""));
        PassResult replanned = reconciler.replan(unforwarded, Map.of(), first).orElseThrow();
        assertTrue(replanned.converged(), replanned::summary);
        assertEquals(reads, kernel.linkReads);
        assertFalse(kernel.natTable.contains("8080"), "the port forward is gone from the table");

        PassResult allDown = reconciler.pass(translating, Verdicts.down("isp1", "isp2"));
        assertEquals(first.desired().routes(), allDown.desired().routes(), "the last resort keeps every route");
        assertTrue(reconciler.replan(translating, Map.of(), allDown).orElseThrow().converged(), "both serve again");
        reconciler.pass(translating, Map.of());
        reconciler.pass(translating, Verdicts.down("isp1"));
        assertEquals(List.of(0x650000L, 0x660000L, 0x650000L), kernel.deletedConnectionMarks,
                "isp1's connections go when it stops serving after all were down");
    }

    private static MultihomeConfig config(String xml) throws Exception {
        return LOADER.load(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void passSetsHashPolicyAndNamesTables() throws Exception {
        reconciler.pass(seed, Map.of());
        assertEquals("1", kernel.sysctls.get("ipv4/fib_multipath_hash_policy"));
        assertEquals("1", kernel.sysctls.get("ipv6/fib_multipath_hash_policy"));
        String names = Files.readString(dir.resolve("rt_tables.d/multihome.conf"));
        assertTrue(names.contains("101\tT1\n") && names.contains("102\tT2\n"), names);
    }

    @Test
    void providerGoingDownShrinksTheGroupInPlace() {
        reconciler.pass(seed, Map.of());
        kernel.applied.clear();
        reconciler.pass(seed, Verdicts.down("isp1"));
        assertEquals(2, kernel.applied.size(), kernel.applied::toString);
        assertTrue(kernel.applied.getFirst() instanceof Change.ReplaceNexthop p
                && p.nexthop() instanceof Nexthop.Group g && g.members().size() == 1, kernel.applied::toString);
        assertTrue(kernel.applied.get(1) instanceof Change.DeleteNexthop, "the unused member goes last");
        assertTrue(kernel.routes.values().stream().anyMatch(r -> r.table() == 4200 && r.destination().isDefault()),
                "the default never went away");
    }

    @Test
    void aLeaseTeachesTheGatewayNoRouteNamesAndItsLossIsTheReason() throws Exception {
        MultihomeConfig learning = LOADER.load(new ByteArrayInputStream(Examples.seedProviders().replaceAll(
                "(?s)<ipv4>\\s*<address>203\\.0\\.113\\.66</address>.*?</ipv4>", "<ipv4/>")
                .getBytes(StandardCharsets.UTF_8)));
        AtomicReference<Map<String, DhcpLease>> leases = new AtomicReference<>(Map.of());
        Reconciler learner = new Reconciler(kernel, OwnerTag.DEFAULT, null, leases::get);
        assertEquals("interface if2 has no usable IPv4 address and gateway",
                learner.pass(learning, Map.of()).desired().providers().get(1).reason());

        leases.set(Map.of("if2", new DhcpLease("if2", "BOUND", (Inet4Address) IpAddresses.parse("203.0.113.66"), 26,
                (Inet4Address) IpAddresses.parse("203.0.113.65"))));
        learner.pass(learning, Map.of());
        Route.RouteKey key = new Route.RouteKey(Family.INET, 102, IpPrefix.parse("0.0.0.0/0"), 0);
        assertEquals(IpAddresses.parse("203.0.113.65"), kernel.routes.get(key).gateway());

        leases.set(Map.of("if2", new DhcpLease("if2", "BOUND", (Inet4Address) IpAddresses.parse("203.0.113.99"), 26,
                (Inet4Address) IpAddresses.parse("203.0.113.65"))));
        assertEquals("interface if2 has no usable IPv4 address and gateway",
                learner.pass(learning, Map.of()).desired().providers().get(1).reason(),
                "a lease for an address the interface does not have is not used");

        leases.set(Map.of("if2", DhcpLease.lost("if2", "EXPIRE")));
        assertEquals("interface if2 has no usable IPv4 address and gateway (DHCPv4 lease lost: EXPIRE)",
                learner.pass(learning, Map.of()).desired().providers().get(1).reason());
        assertFalse(kernel.routes.containsKey(key));
    }

    @Test
    void natTableIsCreatedLeftAloneRepairedAndRemoved() throws Exception {
        MultihomeConfig translating = LOADER.load(new ByteArrayInputStream(
                Examples.seedTranslating().getBytes(StandardCharsets.UTF_8)));
        reconciler.pass(translating, Map.of());
        assertEquals(1, kernel.nftTransactions.size());
        assertTrue(kernel.natTable.contains("\"masquerade\":null"), kernel.natTable);

        reconciler.pass(translating, Map.of());
        assertEquals(1, kernel.nftTransactions.size(), "an unchanged table is left alone");

        kernel.natTable = null;
        reconciler.pass(translating, Map.of());
        assertEquals(2, kernel.nftTransactions.size(), "a deleted table is put back");
        kernel.natTable = kernel.natTable.replace("masquerade", "accept");
        reconciler.pass(translating, Map.of());
        assertEquals(3, kernel.nftTransactions.size(), "an edited table is put back");

        reconciler.pass(seed, Map.of());
        assertEquals(NatTable.delete(), kernel.nftTransactions.getLast());
        assertEquals(null, kernel.natTable);
    }

    @Test
    void aWatchedRulesetIsListedOnlyAfterItChangedOrWhenTheWatchEnds() throws Exception {
        MultihomeConfig translating = LOADER.load(new ByteArrayInputStream(
                Examples.seedTranslating().getBytes(StandardCharsets.UTF_8)));
        AtomicBoolean watching = new AtomicBoolean(true);
        reconciler.watchNftables(watching::get);
        reconciler.pass(translating, Map.of());
        int listings = kernel.natListings;
        reconciler.pass(translating, Map.of());
        reconciler.pass(translating, Map.of());
        assertEquals(listings, kernel.natListings, "no change was told: nothing is listed");

        kernel.natTable = null;
        reconciler.nftablesChanged();
        reconciler.pass(translating, Map.of());
        assertEquals(2, kernel.nftTransactions.size(), "a deleted table is put back once told");
        assertTrue(kernel.natListings > listings);

        listings = kernel.natListings;
        watching.set(false);
        reconciler.pass(translating, Map.of());
        assertTrue(kernel.natListings > listings, "without a watch every pass lists");
    }

    @Test
    void aRouterThatTranslatesNothingLooksForALeftoverTableOnceAndNeverAtConnections() {
        kernel.natTable = "a table left by an earlier run";
        reconciler.pass(seed, Map.of());
        reconciler.pass(seed, Verdicts.down("isp1"));
        assertEquals(List.of(NatTable.delete()), kernel.nftTransactions);
        assertEquals(1, kernel.natListings);
        assertEquals(List.of(), kernel.deletedConnectionMarks);
    }

    @Test
    void connectionsOfAProviderThatStopsServingAreDeletedOnce() throws Exception {
        MultihomeConfig translating = LOADER.load(new ByteArrayInputStream(
                Examples.seedTranslating().getBytes(StandardCharsets.UTF_8)));
        reconciler.pass(translating, Map.of());
        assertEquals(List.of(), kernel.deletedConnectionMarks, "both serve from the first pass");
        reconciler.pass(translating, Verdicts.down("isp1"));
        reconciler.pass(translating, Verdicts.down("isp1"));
        assertEquals(List.of(0x650000L), kernel.deletedConnectionMarks, "isp1's connections, once");
        reconciler.pass(translating, Map.of());
        MultihomeConfig withoutIsp2 = LOADER.load(new ByteArrayInputStream(Examples.seedTranslating()
                .replaceFirst("(?s)<provider>\\s*<name>isp2</name>.*?</provider>", "")
                .replaceFirst("(?s)<port-forward>.*</port-forward>", "").getBytes(StandardCharsets.UTF_8)));
        reconciler.pass(withoutIsp2, Map.of());
        assertEquals(List.of(0x650000L, 0x660000L), kernel.deletedConnectionMarks, "a deleted provider's too");
    }

    @Test
    void deletedRouteOfOursIsPutBack() {
        reconciler.pass(seed, Map.of());
        Route.RouteKey key = new Route.RouteKey(Family.INET, 101, IpPrefix.parse("0.0.0.0/0"), 0);
        kernel.routes.remove(key);
        kernel.applied.clear();
        reconciler.pass(seed, Map.of());
        assertEquals(1, kernel.applied.size());
        assertTrue(kernel.routes.containsKey(key));
    }

    @Test
    void foreignRouteInOurTableSurvivesAndADhcpDefaultInMainIsNoConflict() {
        Route foreign = new Route(Family.INET, IpPrefix.parse("10.9.9.0/24"), 101, RouteType.UNICAST, RouteScope.LINK,
                4, null, 3, null, 0, List.of(), 0);
        Route dhcpDefault = new Route(Family.INET, IpPrefix.parse("0.0.0.0/0"), 254, RouteType.UNICAST,
                RouteScope.UNIVERSE, 16, IpAddresses.parse("203.0.113.1"), 3, null, 0, List.of(), 0);
        kernel.routes.put(foreign.key(), foreign);
        kernel.routes.put(dhcpDefault.key(), dhcpDefault);
        PassResult result = reconciler.pass(seed, Map.of());
        assertEquals(foreign, kernel.routes.get(foreign.key()));
        assertEquals(dhcpDefault, kernel.routes.get(dhcpDefault.key()));
        assertTrue(result.converged(), result::summary);
        assertEquals(List.of(), result.conflicts());
    }

    @Test
    void foreignDefaultInTheDefaultRoutesTableIsAConflictLeftAlone() {
        Route squatter = new Route(Family.INET, IpPrefix.parse("0.0.0.0/0"), 4200, RouteType.UNICAST,
                RouteScope.UNIVERSE, 16, IpAddresses.parse("203.0.113.1"), 3, null, 0, List.of(), 0);
        kernel.routes.put(squatter.key(), squatter);
        PassResult result = reconciler.pass(seed, Map.of());
        assertEquals(squatter, kernel.routes.get(squatter.key()));
        assertFalse(result.converged());
        assertTrue(result.conflicts().getFirst().contains("belongs to protocol 16"), result::summary);
    }

    @Test
    void refusedChangeIsReportedInIpSyntaxWithTheKernelsWords() {
        kernel.refuse = "table=102";
        PassResult result = reconciler.pass(seed, Map.of());
        assertFalse(result.converged());
        assertTrue(result.errors().stream().anyMatch(e -> e.message().startsWith(
                "ip route add default via 203.0.113.65 dev if2 table T2: EINVAL")), result.errors()::toString);
        PassError.Refused refused = (PassError.Refused) result.errors().getFirst();
        assertEquals(Errno.EINVAL, refused.failure().errno());
        assertEquals(Optional.of("refused by the test"), refused.failure().extendedAck());
        assertFalse(refused.retryable());
        assertFalse(result.onlyTransientErrors());
    }

    @Test
    void replacedObjectsAreReportedWithTheVerbThatWasSent() throws Exception {
        reconciler.pass(seed, Map.of());
        kernel.refuse = "weight=4";
        MultihomeConfig reweighted = config(Examples.seedProviders()
                .replace("<weight>5</weight>", "<weight>4</weight>"));
        PassResult result = reconciler.pass(reweighted, Map.of());
        PassError.Refused refused = (PassError.Refused) result.errors().getFirst();
        assertTrue(refused.change() instanceof Change.ReplaceNexthop, refused::toString);
        assertTrue(refused.message().startsWith("ip nexthop replace id "), refused::message);
        assertTrue(refused.message().endsWith(" unbalanced_timer 300: EINVAL: refused by the test"), refused::message);
    }

    @Test
    void aTransientRefusalSaysSoAndIsRetryable() {
        kernel.refuse = "table=102";
        kernel.refuseErrno = Errno.EBUSY;
        PassResult result = reconciler.pass(seed, Map.of());
        assertFalse(result.converged());
        assertTrue(result.onlyTransientErrors(), result::summary);
        assertTrue(result.errors().stream().allMatch(e -> e.retryable()
                && e.message().endsWith(": EBUSY: refused by the test (transient)")), result.errors()::toString);
        kernel.refuse = null;
        assertTrue(reconciler.pass(seed, Map.of()).converged(), "the next pass puts it in place");
    }

    @Test
    void aSourceAddressThatWentTentativeDuringThePassIsRetryable() {
        kernel.refuse = "table=102";
        kernel.refuseText = "Invalid source address";
        PassResult result = reconciler.pass(seed, Map.of());
        assertTrue(result.onlyTransientErrors(), result::summary);
        assertTrue(result.errors().getFirst().message().endsWith(": EINVAL: Invalid source address (transient)"),
                result::summary);
    }

    @Test
    void objectsOfOursNoLongerWantedAreRemovedAndOthersKept() {
        reconciler.pass(seed, Map.of());
        Route stale = new Route(Family.INET, IpPrefix.parse("192.0.2.0/24"), 101, RouteType.UNICAST, RouteScope.LINK,
                OURS, null, 3, null, 0, List.of(), 0);
        kernel.routes.put(stale.key(), stale);
        reconciler.pass(seed, Map.of());
        assertFalse(kernel.routes.containsKey(stale.key()));
    }

    @Test
    void learnedGatewayComesFromTheDhcpDefaultRoute() throws Exception {
        MultihomeConfig learned = LOADER.load(new ByteArrayInputStream(Examples.seedProviders()
                .replaceAll("(?s)<ipv4>\\s*<address>203\\.0\\.113\\.66</address>.*?</ipv4>", "")
                .getBytes(StandardCharsets.UTF_8)));
        Route dhcp = new Route(Family.INET, IpPrefix.parse("0.0.0.0/0"), 254, RouteType.UNICAST, RouteScope.UNIVERSE,
                16, IpAddresses.parse("203.0.113.65"), 4, null, 100, List.of(), 0);
        kernel.routes.put(dhcp.key(), dhcp);
        PassResult result = reconciler.pass(learned, Map.of());
        assertTrue(result.converged(), result::summary);
        assertTrue(kernel.routes.containsKey(new Route.RouteKey(Family.INET, 102, IpPrefix.parse("0.0.0.0/0"), 0)));
    }
}
