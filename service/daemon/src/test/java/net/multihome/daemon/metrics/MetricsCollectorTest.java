package net.multihome.daemon.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.multihome.core.config.Balancing;
import net.multihome.core.config.Management;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.config.Redundancy;
import net.multihome.core.pair.VrrpState;
import net.multihome.core.plan.OperStatus;
import net.multihome.core.status.ProbeStats;
import net.multihome.core.status.ProviderStatus;
import net.multihome.core.status.ReconcileCounters;
import net.multihome.core.status.StatusSnapshot;
import net.multihome.netconf.service.NetconfCounters;
import net.multihome.netlink.model.Link;
import net.multihome.netlink.model.LinkStats;
import net.multihome.netlink.model.OperState;
import net.multihome.testing.CommandResult;
import net.multihome.testing.Commands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCollectorTest {

    private static final Instant T0 = Instant.parse("2026-12-04T00:00:00Z");

    @TempDir
    Path dir;

    static String render() throws IOException {
        return render(MultihomeConfig.empty());
    }

    private static String render(MultihomeConfig config) throws IOException {
        ProviderStatus isp1 = new ProviderStatus("isp1", "if1", 2, InetAddress.ofLiteral("203.0.113.2"),
                InetAddress.ofLiteral("203.0.113.1"), 101, true, OperStatus.UP, "5 consecutive good rounds", 5, 1,
                new BigDecimal("0.8333"), new ProbeStats(12_500, 10_000, 15_000, 1_250, new BigDecimal("2.50"), 40, 1),
                3, T0, List.of());
        ProviderStatus isp2 = new ProviderStatus("isp2", "if2", 3, null, null, 102, true, OperStatus.DOWN,
                "interface if2 has no carrier", 1, 1, BigDecimal.ZERO, ProbeStats.NONE, 1, T0, List.of());
        Link if1 = new Link(2, "if1", true, true, OperState.UP, 1500, null, "veth",
                new LinkStats(10, 20, 1_000, (1L << 32) + 5, 0, 0, 0, 0));
        StatusSnapshot status = new StatusSnapshot(T0, T0, config, List.of(isp1, isp2), List.of(if1),
                List.of(), 7, "ok", List.of(), 77);
        MetricsCollector collector = new MetricsCollector(new MetricSources(() -> status,
                () -> new ReconcileCounters(7, 1, 2, Duration.ofMillis(70), Duration.ofMillis(5)),
                () -> new NetconfCounters(1, 4, 30, 0, 2, 5), () -> 123, () -> VrrpState.BACKUP));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, collector.collect());
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRouterOfAPairReportsItsVrrpState() throws IOException {
        InetAddress lan = InetAddress.ofLiteral("10.0.0.1");
        MultihomeConfig pair = new MultihomeConfig(Balancing.DEFAULTS, List.of(), List.of(), List.of(), List.of(),
                Management.NONE, new Redundancy("sync0", InetAddress.ofLiteral("198.18.0.1"),
                        InetAddress.ofLiteral("198.18.0.2"), new Redundancy.Vrrp(51, 100, Duration.ofSeconds(1), false,
                                new Redundancy.VirtualAddress(lan, 24), List.of()), Redundancy.FAULT_WEIGHT));
        String text = render(pair);
        assertTrue(text.contains("multihome_vrrp_state{state=\"backup\"} 1.0\n"), text);
        assertTrue(text.contains("multihome_vrrp_state{state=\"master\"} 0.0\n"), text);
        assertTrue(!render().contains("multihome_vrrp_state"));
    }

    @Test
    void rendersProvidersInterfacesAndServers() throws IOException {
        String text = render();
        for (String line : List.of(
                "multihome_provider_up{provider=\"isp1\"} 1.0",
                "multihome_provider_up{provider=\"isp2\"} 0.0",
                "multihome_provider_oper_state{provider=\"isp2\",state=\"down\"} 1.0",
                "multihome_provider_rtt_seconds{provider=\"isp1\"} 0.0125",
                "multihome_provider_loss_ratio{provider=\"isp1\"} 0.025",
                "multihome_provider_default_route_share_ratio{provider=\"isp1\"} 0.8333",
                "multihome_provider_transitions_total{provider=\"isp1\"} 3.0",
                "multihome_interface_transmit_bytes_total{interface=\"if1\"} 4.294967301E9",
                "multihome_reconcile_passes_total 7.0",
                "multihome_reconcile_errors_total 2.0",
                "multihome_netconf_sessions 1.0",
                "multihome_netconf_rpcs_total 30.0",
                "multihome_netconf_failed_logins_total 5.0",
                "multihome_snmp_requests_total 123.0")) {
            assertTrue(text.lines().anyMatch(line::equals), () -> "no line '" + line + "' in:\n" + text);
        }
    }

    @Test
    void promtoolFindsTheExpositionClean() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/promtool")), "needs promtool (Debian prometheus)");
        Path file = dir.resolve("metrics.txt");
        Files.writeString(file, render());
        CommandResult lint = Commands.run(List.of("sh", "-c", "/usr/bin/promtool check metrics < " + file), Map.of(),
                Duration.ofSeconds(30));
        assertEquals(0, lint.exitCode(), lint::toString);
        assertEquals("", lint.output().strip(), lint::toString);
    }
}
