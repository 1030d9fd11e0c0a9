package net.multihome.netconf.service;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import net.multihome.core.config.ConfigLoader;
import net.multihome.core.config.ConfigReader;
import net.multihome.core.config.HealthCheck;
import net.multihome.core.config.Management;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.plan.OperStatus;
import net.multihome.core.status.ProbeStats;
import net.multihome.core.status.ProviderEvents;
import net.multihome.core.status.ProviderStatus;
import net.multihome.core.status.StatusSnapshot;
import net.multihome.core.status.TargetStatus;
import net.multihome.core.store.ConfigStore;
import net.multihome.core.store.StartupFile;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.port.ProbeRound;
import net.multihome.netconf.port.TargetProbe;
import net.multihome.netlink.model.Family;
import net.multihome.netlink.model.IpPrefix;
import net.multihome.netlink.model.Link;
import net.multihome.netlink.model.LinkStats;
import net.multihome.netlink.model.OperState;
import net.multihome.netlink.model.Route;
import net.multihome.netlink.model.RouteScope;
import net.multihome.netlink.model.RouteType;
import net.multihome.netlink.model.Rule;
import net.multihome.netlink.model.RuleAction;
import net.multihome.testkit.FakeApplier;
import net.multihome.testkit.ManualScheduler;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * A real service on an ephemeral loopback port over a real configuration store with fake ports:
 * an applier that can refuse, a status source with one provider, a probe runner that knows isp1,
 * and a scheduler tests advance.
 */
final class ServiceFixture implements AutoCloseable {
    static final String ADMIN_HASH =
            "$6$mhdemo0123$3YYhmckfgui/YbIoRrLZCX2gtc6Y2jQPDoPZRVvBDHpuzHfNNLtiQYTR2RNBNkYLDJZrXw74w1aWjIJJ8q7Wn0";
    static final String MH = YangSchema.NAMESPACE;
    static final YangSchema SCHEMA = YangSchema.load();
    static final InetAddress TARGET = InetAddress.ofLiteral("192.0.2.1");

    final Path dir;
    final FakeApplier applier = new FakeApplier();
    final ManualScheduler scheduler = new ManualScheduler(Instant.parse("2026-11-28T12:00:00Z"));
    final ProviderEvents events = new ProviderEvents();
    final StartupFile startup;
    final ConfigStore store;
    final NetconfService service;
    final AtomicReference<StatusSnapshot> status = new AtomicReference<>();

    ServiceFixture(Path dir, boolean seeded) throws Exception {
        this.dir = dir;
        ConfigLoader loader = new ConfigLoader(SCHEMA);
        this.startup = new StartupFile(dir, loader);
        ContainerNode initial = null;
        if (seeded) {
            startup.save(seedDocument());
            try (InputStream in = startup.path().toUri().toURL().openStream()) {
                initial = loader.parseData(in);
            }
        }
        status.set(snapshot(ConfigReader.read(initial)));
        Management.Netconf settings = new Management.Netconf(true,
                List.of(new Management.Endpoint(InetAddress.getLoopbackAddress(), 0)),
                List.of(new Management.User("admin", ADMIN_HASH, List.of()),
                        new Management.User("noc", ADMIN_HASH, List.of())),
                Duration.ofHours(1), 16);
        store = new ConfigStore(SCHEMA, dir, startup, applier, scheduler, initial);
        store.resume();
        service = NetconfService.builder()
                .schema(SCHEMA)
                .stateDirectory(dir)
                .store(store)
                .status(status::get)
                .events(events)
                .probes(provider -> "isp1".equals(provider)
                        ? Optional.of(new ProbeRound(OperStatus.UP, List.of(new TargetProbe(
                                TARGET, true, OptionalLong.of(1234),
                                Optional.empty()))))
                        : Optional.empty())
                .settings(settings)
                .build();
        service.start();
    }

    static String seedDocument() throws IOException {
        try (InputStream in = ServiceFixture.class.getResourceAsStream("/seed-providers.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The seed's {@code <multihome>} element as text, for edit-config and copy-config. */
    static String seedMultihome() throws IOException {
        String doc = seedDocument();
        return doc.substring(doc.indexOf("<multihome"), doc.lastIndexOf("</config>"));
    }

    /** Moves the clock on and waits until the store handled every timeout that fell due. */
    void advance(Duration by) {
        scheduler.advance(by);
        store.flush();
    }

    int port() {
        return service.boundAddress().orElseThrow().getPort();
    }

    TestClient client() throws IOException {
        return new TestClient(port(), "admin", "admin");
    }

    static StatusSnapshot snapshot(MultihomeConfig config) throws IOException {
        InetAddress target = InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1});
        ProbeStats stats = new ProbeStats(1500, 1000, 2000, 100, new BigDecimal("2.5"), 400, 10);
        ProviderStatus isp1 = new ProviderStatus("isp1", "if1", 7,
                InetAddress.getByAddress(new byte[] {(byte) 203, 0, 113, 2}),
                InetAddress.getByAddress(new byte[] {(byte) 203, 0, 113, 1}), 101, true, OperStatus.UP,
                "probes answered", 5, 0, new BigDecimal("83.33"), stats, 3, Instant.parse("2026-11-28T11:00:00Z"),
                List.of(new TargetStatus(target, HealthCheck.Method.ICMP, 0, TargetStatus.TargetState.ANSWERING,
                        stats)));
        Link if1 = new Link(7, "if1", true, true, OperState.UP, 1500, null, null,
                new LinkStats(10, 20, 1000, 2000, 0, 0, 0, 0));
        Instant t = Instant.parse("2026-11-28T12:00:00Z");
        Route route = new Route(Family.INET, IpPrefix.defaultRoute(Family.INET), 101, RouteType.UNICAST,
                RouteScope.UNIVERSE, 4, InetAddress.ofLiteral("203.0.113.1"), 7, null, 0, List.of(), 0);
        Rule rule = new Rule(Family.INET, 1000, IpPrefix.parse("203.0.113.2/32"), null, null, null, 0, 0, 0, null,
                null, 101, RuleAction.TO_TABLE, route.protocol());
        Rule foreign = new Rule(Family.INET, 500, IpPrefix.parse("10.0.0.0/8"), null, null, null, 0, 0, 0, null,
                null, 200, RuleAction.TO_TABLE, 3);
        Route foreignRoute = new Route(Family.INET, IpPrefix.parse("10.9.9.0/24"), 101, RouteType.UNICAST,
                RouteScope.LINK, 3, null, 7, null, 0, List.of(), 0);
        return new StatusSnapshot(t, t, config, List.of(isp1), List.of(if1), List.of(route, foreignRoute), 1, "ok",
                List.of(rule, foreign), route.protocol());
    }

    @Override
    public void close() throws IOException {
        try {
            service.close();
        } finally {
            store.close();
        }
    }
}
