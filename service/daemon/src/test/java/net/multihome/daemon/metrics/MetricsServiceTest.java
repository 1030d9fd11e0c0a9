package net.multihome.daemon.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.multihome.core.config.Management;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.pair.VrrpState;
import net.multihome.core.status.ReconcileCounters;
import net.multihome.core.status.StatusSnapshot;
import net.multihome.netconf.service.NetconfCounters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The endpoint over real HTTP on loopback: GET /metrics answers, other paths and methods do not; settings move it. */
class MetricsServiceTest {

    private static final Instant T0 = Instant.parse("2026-12-04T00:00:00Z");
    private static final StatusSnapshot EMPTY = new StatusSnapshot(T0, T0, MultihomeConfig.empty(), List.of(),
            List.of(), List.of(), 0, "no pass yet", List.of(), 77);

    private final MetricsService service = new MetricsService(new MetricSources(() -> EMPTY,
            () -> ReconcileCounters.NONE, () -> NetconfCounters.NONE, () -> 42, () -> VrrpState.UNKNOWN));

    @AfterEach
    void close() {
        service.close();
    }

    private static Management.Metrics listening(boolean enabled) {
        return new Management.Metrics(enabled, List.of(new Management.Endpoint(InetAddress.getLoopbackAddress(), 0)));
    }

    private static String request(InetSocketAddress address, String method, String path) throws IOException {
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void servesMetricsAtSlashMetricsOnly() throws IOException {
        service.apply(listening(true));
        InetSocketAddress address = service.boundAddresses().getFirst();
        String ok = request(address, "GET", "/metrics");
        assertTrue(ok.startsWith("HTTP/1.1 200 OK"), ok);
        assertTrue(ok.contains("content-type: text/plain; version=0.0.4; charset=utf-8"), ok);
        assertTrue(ok.contains("multihome_snmp_requests_total 42.0"), ok);
        assertTrue(request(address, "GET", "/").startsWith("HTTP/1.1 404"));
        assertTrue(request(address, "POST", "/metrics").startsWith("HTTP/1.1 405"));
    }

    @Test
    void disablingStopsTheListener() {
        service.apply(listening(true));
        assertEquals(1, service.boundAddresses().size());
        service.apply(listening(false));
        assertEquals(List.of(), service.boundAddresses());
    }
}
