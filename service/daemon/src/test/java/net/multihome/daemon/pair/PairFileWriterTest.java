package net.multihome.daemon.pair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import net.multihome.core.config.ConfigLoader;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.pair.PairFiles;
import net.multihome.core.plan.OperStatus;
import net.multihome.core.status.ProbeStats;
import net.multihome.core.status.ProviderStatus;
import net.multihome.core.yang.YangSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pair's files in a runtime directory: both configurations, and the track value as the providers go. */
class PairFileWriterTest {

    @TempDir
    Path dir;

    private static MultihomeConfig routerA() throws Exception {
        String xml = Files.readString(Path.of("../../packaging/examples/lab-pair-a.xml"));
        return new ConfigLoader(YangSchema.load()).load(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static ProviderStatus provider(String name, OperStatus status) {
        return new ProviderStatus(name, "if1", 2, null, null, 101, true, status, "", 1, 0, BigDecimal.ZERO,
                ProbeStats.NONE, 0, Instant.EPOCH, List.of());
    }

    @Test
    void writesBothConfigurationsAndTheTrackValueAsTheProvidersGo() throws Exception {
        PairFileWriter writer = new PairFileWriter(new PairFiles(dir, Path.of("/usr/lib/multihome/vrrp-notify")));
        MultihomeConfig config = routerA();
        writer.configure(config);
        assertTrue(Files.readString(dir.resolve("keepalived.conf")).contains("virtual_router_id 51"));
        assertTrue(Files.readString(dir.resolve("conntrackd.conf")).contains("IPv4_Destination_Address 198.18.0.2"));

        writer.providers(config, List.of(provider("isp1", OperStatus.UP), provider("isp2", OperStatus.DOWN)));
        assertEquals("0\n", Files.readString(dir.resolve("vrrp-track")));
        writer.providers(config, List.of(provider("isp1", OperStatus.DOWN), provider("isp2", OperStatus.DISABLED)));
        assertEquals("-254\n", Files.readString(dir.resolve("vrrp-track")));

        FileTime before = FileTime.from(Instant.EPOCH);
        Files.setLastModifiedTime(dir.resolve("keepalived.conf"), before);
        writer.configure(config);
        assertEquals(before, Files.getLastModifiedTime(dir.resolve("keepalived.conf")), "unchanged, not rewritten");
    }

    @Test
    void aRouterOnItsOwnGetsNoFiles() throws Exception {
        PairFileWriter writer = new PairFileWriter(new PairFiles(dir, Path.of("/usr/lib/multihome/vrrp-notify")));
        writer.configure(MultihomeConfig.empty());
        writer.providers(MultihomeConfig.empty(), List.of(provider("isp1", OperStatus.DOWN)));
        try (var files = Files.list(dir)) {
            assertFalse(files.findAny().isPresent());
        }
    }
}
