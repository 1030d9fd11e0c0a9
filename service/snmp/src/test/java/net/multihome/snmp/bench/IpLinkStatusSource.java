package net.multihome.snmp.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.status.StatusSnapshot;
import net.multihome.core.status.StatusSource;
import net.multihome.netlink.model.Link;
import net.multihome.netlink.model.LinkStats;
import net.multihome.netlink.model.OperState;

/** Snapshots whose links are this namespace's, from {@code ip -j -s -d link show}; no providers. */
final class IpLinkStatusSource implements StatusSource {

    private final Instant started = Instant.now();

    @Override
    public StatusSnapshot snapshot() {
        return new StatusSnapshot(Instant.now(), started, MultihomeConfig.empty(), List.of(), links(), List.of(), 0,
                "ok", List.of(), 77);
    }

    static List<Link> links() {
        try {
            Process ip = new ProcessBuilder("ip", "-j", "-s", "-d", "link", "show").redirectErrorStream(true).start();
            String out = new String(ip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!ip.waitFor(10, TimeUnit.SECONDS) || ip.exitValue() != 0) {
                ip.destroyForcibly();
                throw new IOException("ip link failed: " + out);
            }
            return parse(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Link> parse(String json) {
        List<Link> links = new ArrayList<>();
        for (Object item : (List<Object>) Json.parse(json)) {
            Map<String, Object> link = (Map<String, Object>) item;
            List<Object> flags = (List<Object>) link.getOrDefault("flags", List.of());
            Map<String, Object> linkinfo = (Map<String, Object>) link.get("linkinfo");
            Map<String, Object> stats = (Map<String, Object>) link.get("stats64");
            links.add(new Link(((Long) link.get("ifindex")).intValue(), (String) link.get("ifname"),
                    flags.contains("UP"), flags.contains("LOWER_UP"), operState((String) link.get("operstate")),
                    ((Long) link.getOrDefault("mtu", 0L)).intValue(), (String) link.get("ifalias"),
                    linkinfo == null ? null : (String) linkinfo.get("info_kind"), stats(stats)));
        }
        return links;
    }

    @SuppressWarnings("unchecked")
    private static LinkStats stats(Map<String, Object> stats) {
        if (stats == null) {
            return LinkStats.ZERO;
        }
        Map<String, Object> rx = (Map<String, Object>) stats.get("rx");
        Map<String, Object> tx = (Map<String, Object>) stats.get("tx");
        return new LinkStats(n(rx, "packets"), n(tx, "packets"), n(rx, "bytes"), n(tx, "bytes"), n(rx, "errors"),
                n(tx, "errors"), n(rx, "dropped"), n(tx, "dropped"));
    }

    private static long n(Map<String, Object> map, String key) {
        return map == null ? 0 : ((Number) map.getOrDefault(key, 0L)).longValue();
    }

    private static OperState operState(String state) {
        if (state == null) {
            return OperState.UNKNOWN;
        }
        return switch (state) {
            case "UP" -> OperState.UP;
            case "DOWN" -> OperState.DOWN;
            case "LOWERLAYERDOWN" -> OperState.LOWER_LAYER_DOWN;
            case "DORMANT" -> OperState.DORMANT;
            case "TESTING" -> OperState.TESTING;
            case "NOTPRESENT" -> OperState.NOT_PRESENT;
            default -> OperState.UNKNOWN;
        };
    }
}
