package net.multihome.daemon.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.pair.VrrpState;
import net.multihome.core.plan.OperStatus;
import net.multihome.core.status.ProbeStats;
import net.multihome.core.status.ProviderStatus;
import net.multihome.core.status.StatusSnapshot;
import net.multihome.netconf.sync.SyncState;
import net.multihome.netconf.sync.SyncStatus;
import org.junit.jupiter.api.Test;

class StatusRenderingTest {

    private static final Instant STARTED = Instant.parse("2026-12-04T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-04T10:05:03Z");

    private static StatusReport report() throws Exception {
        ProviderStatus isp1 = new ProviderStatus("isp1", "if1", 3, InetAddress.getByName("203.0.113.2"),
                InetAddress.getByName("203.0.113.1"), 101, true, OperStatus.UP, "all targets answer", 5, 1,
                new BigDecimal("83.33"), new ProbeStats(1250, 900, 2100, 310, new BigDecimal("0.00"), 40, 0), 0,
                STARTED.plusSeconds(1), List.of());
        ProviderStatus isp2 = new ProviderStatus("isp2", "if2", 0, null, null, 102, true, OperStatus.DOWN,
                "interface if2 has no \"carrier\"", 1, 1, new BigDecimal("0.00"),
                new ProbeStats(0, 0, 0, 0, new BigDecimal("100.00"), 40, 40), 2, NOW.minusSeconds(30), List.of());
        StatusSnapshot snapshot = new StatusSnapshot(NOW, STARTED, MultihomeConfig.empty(), List.of(isp1, isp2),
                List.of(), List.of(), 42, "ok", List.of(), 77);
        return new StatusReport(snapshot, NOW.minusSeconds(2), Duration.ofMillis(7), null);
    }

    @Test
    void textShowsEachProviderAndTheLastPass() throws Exception {
        String text = StatusText.render(report(), NOW);
        assertEquals("""
                daemon:    up since 2026-12-04 10:00:00 UTC (5m 3s ago)
                last pass: 2026-12-04 10:05:01 UTC (2s ago), #42, ok, took 7 ms

                provider isp1: up
                  reason:     all targets answer
                  since:      2026-12-04 10:00:01 UTC (5m 2s ago), 0 transition(s)
                  interface:  if1 (ifindex 3)
                  address:    203.0.113.2
                  gateway:    203.0.113.1
                  probes:     rtt 1.250 ms, loss 0.00 %, jitter 0.310 ms
                  default:    83.33 % (weight 5, tier 1, table 101)

                provider isp2: down
                  reason:     interface if2 has no "carrier"
                  since:      2026-12-04 10:04:33 UTC (30s ago), 2 transition(s)
                  interface:  if2 (missing)
                  address:    none
                  gateway:    none
                  probes:     rtt 0.000 ms, loss 100.00 %, jitter 0.000 ms
                  default:    0.00 % (weight 1, tier 1, table 102)
                """, text);
    }

    @Test
    void jsonHasOneObjectWithProvidersAndTheLastPass() throws Exception {
        String json = StatusJson.render(report());
        assertTrue(json.startsWith("{\"taken\":\"2026-12-04T10:05:03Z\",\"started\":\"2026-12-04T10:00:00Z\","
                + "\"last-pass\":{\"at\":\"2026-12-04T10:05:01Z\",\"count\":42,\"outcome\":\"ok\",\"took-ms\":7},"), json);
        assertTrue(json.contains("{\"name\":\"isp1\",\"oper-status\":\"up\",\"reason\":\"all targets answer\","
                + "\"since\":\"2026-12-04T10:00:01Z\",\"transitions\":0,\"enabled\":true,\"interface\":\"if1\","
                + "\"ifindex\":3,\"address\":\"203.0.113.2\",\"gateway\":\"203.0.113.1\",\"table\":101,\"weight\":5,"
                + "\"tier\":1,\"default-share-percent\":83.33,\"rtt-ms\":1.250,\"jitter-ms\":0.310,"
                + "\"loss-percent\":0.00}"), json);
        assertTrue(json.contains("\"reason\":\"interface if2 has no \\\"carrier\\\"\""), json);
        assertTrue(json.contains("\"address\":null,\"gateway\":null"), json);
        assertTrue(json.endsWith("}]}\n"), json);
    }

    @Test
    void beforeTheFirstPassBothSayNoneYet() {
        StatusSnapshot empty = new StatusSnapshot(STARTED, STARTED, MultihomeConfig.empty(), List.of(), List.of(),
                List.of(), 0, "no pass yet", List.of(), 77);
        StatusReport report = new StatusReport(empty, null, null, null);
        assertTrue(StatusText.render(report, NOW).contains("last pass: none yet\n\nno providers configured\n"));
        assertTrue(StatusJson.render(report).contains(
                "\"last-pass\":{\"at\":null,\"count\":0,\"outcome\":\"no pass yet\",\"took-ms\":null},\"providers\":[]"));
    }

    @Test
    void aRouterOfAPairShowsItsConfigSyncAndClientKey() throws Exception {
        SyncStatus sync = new SyncStatus(SyncState.PEER_UNREACHABLE, Optional.of("cannot log in to 198.18.0.2:830"),
                4, 3, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE");
        StatusReport pair = new StatusReport(report().snapshot(), NOW.minusSeconds(2), Duration.ofMillis(7),
                VrrpState.BACKUP, sync);
        assertTrue(StatusText.render(pair, NOW).contains("vrrp:      backup\n"
                + "sync:      peer-unreachable, epoch 4, peer at 3, last error: cannot log in to 198.18.0.2:830\n"
                + "sync key:  ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE\n"), StatusText.render(pair, NOW));
        assertTrue(StatusJson.render(pair).contains("\"config-sync\":{\"state\":\"peer-unreachable\",\"epoch\":4,"
                + "\"peer-epoch\":3,\"last-error\":\"cannot log in to 198.18.0.2:830\","
                + "\"client-key\":\"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE\"}"), StatusJson.render(pair));
    }

    @Test
    void aRouterOfAPairShowsItsVrrpState() throws Exception {
        StatusReport pair = new StatusReport(report().snapshot(), NOW.minusSeconds(2), Duration.ofMillis(7),
                VrrpState.MASTER);
        assertTrue(StatusText.render(pair, NOW).contains("took 7 ms\nvrrp:      master\n\nprovider isp1"));
        assertTrue(StatusJson.render(pair).contains("\"took-ms\":7},\"vrrp-state\":\"master\",\"providers\""));
        assertTrue(!StatusJson.render(report()).contains("vrrp"));
    }

    @Test
    void jsonEscapesControlCharacters() {
        assertEquals("[\"a\\u0001\\n\\\\\",1,true,null]", Json.write(java.util.Arrays.asList("a\u0001\n\\", 1, true, null)));
    }
}
