package net.multihome.snmp.testing;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import net.multihome.core.config.HealthCheck;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.config.Redundancy;
import net.multihome.core.plan.OperStatus;
import net.multihome.core.status.ProbeStats;
import net.multihome.core.status.ProviderStatus;
import net.multihome.core.status.StatusSnapshot;
import net.multihome.core.status.StatusSource;
import net.multihome.core.status.TargetStatus;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.IpPrefix;
import net.multihome.netlink.model.Link;
import net.multihome.netlink.model.LinkStats;
import net.multihome.netlink.model.OperState;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.RoutePath;
import net.multihome.netlink.model.RouteScope;
import net.multihome.netlink.model.RouteType;

/**
 * A status source whose snapshot a test replaces: two providers on mh0 and mh1, plus lo; a
 * multipath default route and an on-link route in main, and one route in isp-a's table.
 */
public final class FakeStatus implements StatusSource {

    public static final Instant STARTED = Instant.parse("2026-11-28T10:00:00Z");

    private final AtomicReference<StatusSnapshot> current = new AtomicReference<>(router(OperStatus.UP));

    @Override
    public StatusSnapshot snapshot() {
        return current.get();
    }

    /** Replaces the snapshot with one where isp-a has {@code ispA}. */
    public void setIspA(OperStatus ispA) {
        current.set(router(ispA));
    }

    public void set(StatusSnapshot snapshot) {
        current.set(snapshot);
    }

    public static StatusSnapshot router(OperStatus ispA) {
        return router(ispA, OperStatus.DEGRADED);
    }

    public static StatusSnapshot router(OperStatus ispA, OperStatus ispB) {
        ProbeStats stats = new ProbeStats(12_345, 10_000, 15_000, 800, new BigDecimal("0.50"), 1_000, 5);
        List<ProviderStatus> providers = List.of(
                new ProviderStatus("isp-a", "mh0", 2, ip("192.0.2.10"), ip("192.0.2.1"), 101, true, ispA,
                        "probes answered", 3, 0, new BigDecimal("75.00"), stats, 1, STARTED,
                        List.of(new TargetStatus(ip("198.51.100.1"), HealthCheck.Method.ICMP, 0,
                                        TargetStatus.TargetState.ANSWERING, stats),
                                new TargetStatus(ip("198.51.100.2"), HealthCheck.Method.TCP, 443,
                                        TargetStatus.TargetState.NOT_ANSWERING, stats))),
                new ProviderStatus("isp-b", "mh1", 3, ip("2001:db8::10"), ip("2001:db8::1"), 102, true,
                        ispB, "loss 12% over 10%", 1, 0, new BigDecimal("25.00"), stats, 4,
                        STARTED, List.of()));
        List<Link> links = new ArrayList<>();
        links.add(new Link(1, "lo", true, true, OperState.UNKNOWN, 65536, null, null,
                new LinkStats(10, 10, 1000, 1000, 0, 0, 0, 0)));
        links.add(new Link(2, "mh0", true, true, OperState.UP, 1500, "uplink isp-a", "veth",
                new LinkStats(5_000_000_000L, 4_000_000_000L, 7_000_000_000_000L, 6_000_000_000_000L, 1, 2, 3, 4)));
        links.add(new Link(3, "mh1", true, false, OperState.LOWER_LAYER_DOWN, 1500, "uplink isp-b", "veth",
                LinkStats.ZERO));
        List<Route> routes = List.of(
                new Route(Family.INET, IpPrefix.parse("0.0.0.0/0"), 254, RouteType.UNICAST, RouteScope.UNIVERSE, 4,
                        null, 0, null, 0, List.of(new RoutePath(ip("192.0.2.1"), 2, 3),
                                new RoutePath(ip("198.51.100.254"), 3, 1)), 0),
                new Route(Family.INET, IpPrefix.parse("192.0.2.0/24"), 254, RouteType.UNICAST, RouteScope.LINK, 2,
                        null, 2, ip("192.0.2.10"), 0, List.of(), 0),
                new Route(Family.INET, IpPrefix.parse("0.0.0.0/0"), 101, RouteType.UNICAST, RouteScope.UNIVERSE, 4,
                        ip("192.0.2.1"), 2, null, 0, List.of(), 0));
        return new StatusSnapshot(Instant.now(), STARTED, MultihomeConfig.empty(), providers, links, routes, 42,
                "ok", List.of(), 77);
    }

    /** This router's snapshot with a redundancy configuration: virtual router id 51, priority 150. */
    public static StatusSnapshot pairRouter() {
        return pairRouter(Redundancy.FAULT_WEIGHT, OperStatus.UP);
    }

    /** Router a of a pair (priority 150) whose providers are all {@code providers}. */
    public static StatusSnapshot pairRouter(int allProvidersDownWeight, OperStatus providers) {
        StatusSnapshot router = router(providers, providers);
        MultihomeConfig empty = router.config();
        Redundancy pair = new Redundancy("sync0", ip("10.9.0.1"), ip("10.9.0.2"),
                new Redundancy.Vrrp(51, 150, Duration.ofSeconds(1), true,
                        new Redundancy.VirtualAddress(ip("192.168.50.1"), 24), List.of()),
                allProvidersDownWeight);
        MultihomeConfig config = new MultihomeConfig(empty.balancing(), empty.localNetworks(), empty.providers(),
                empty.policies(), empty.portForwards(), empty.management(), pair);
        return new StatusSnapshot(router.taken(), router.started(), config, router.providers(), router.links(),
                router.routes(), router.reconcilePasses(), router.lastReconcileResult(), router.rules(),
                router.ownerProtocol());
    }

    public static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
