package net.multihome.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.plan.OperStatus;
import net.multihome.core.status.ProbeStats;
import net.multihome.core.status.ProviderStatus;
import net.multihome.core.status.StatusSnapshot;
import org.junit.jupiter.api.Test;

class ServiceManagerStatusTest {

    @Test
    void namesEveryProviderWithItsOperStatus() {
        assertEquals("2 providers: isp1 up, isp2 no-interface",
                ServiceManagerStatus.of(snapshot("ok", "isp1", "up", "isp2", "no-interface")));
        assertEquals("1 provider: isp1 degraded", ServiceManagerStatus.of(snapshot("ok", "isp1", "degraded")));
        assertEquals("no providers", ServiceManagerStatus.of(snapshot("ok")));
    }

    @Test
    void aFailedPassIsAddedOnTheSameLine() {
        assertEquals("1 provider: isp1 up; last pass: 1 change(s) refused: File exists",
                ServiceManagerStatus.of(snapshot("1 change(s) refused: File exists", "isp1", "up")));
        String line = ServiceManagerStatus.of(snapshot("1 change(s) refused:\n" + "x".repeat(500), "isp1", "up"));
        assertTrue(line.length() <= ServiceManagerStatus.MAX_LENGTH && !line.contains("\n"), line);
    }

    /** A snapshot with providers given as name, status pairs. */
    static StatusSnapshot snapshot(String lastPass, String... namesAndStatuses) {
        List<ProviderStatus> providers = new ArrayList<>();
        Instant now = Instant.parse("2026-12-04T12:00:00Z");
        for (int i = 0; i < namesAndStatuses.length; i += 2) {
            OperStatus status = OperStatus.valueOf(namesAndStatuses[i + 1].toUpperCase(Locale.ROOT).replace('-', '_'));
            providers.add(new ProviderStatus(namesAndStatuses[i], "if" + i, i + 2, null, null, 101 + i, true, status,
                    "", 1, 1, BigDecimal.ZERO, ProbeStats.NONE, 0, now, List.of()));
        }
        return new StatusSnapshot(now, now, MultihomeConfig.empty(), providers, List.of(), List.of(), 1, lastPass,
                List.of(), 77);
    }
}
