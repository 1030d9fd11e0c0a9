package net.multihome.daemon.status;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import net.multihome.core.status.ProbeStats;
import net.multihome.core.status.ProviderStatus;
import net.multihome.core.status.StatusSnapshot;

/** {@code multihome status --json}: one JSON object, times in ISO-8601 UTC, durations in milliseconds. */
public final class StatusJson {

    private StatusJson() {
    }

    public static String render(StatusReport report) {
        StatusSnapshot snapshot = report.snapshot();
        Map<String, Object> pass = new LinkedHashMap<>();
        pass.put("at", time(report.lastPassAt()));
        pass.put("count", snapshot.reconcilePasses());
        pass.put("outcome", snapshot.lastReconcileResult());
        pass.put("took-ms", report.lastPassTook() == null ? null : report.lastPassTook().toMillis());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("taken", time(snapshot.taken()));
        root.put("started", time(snapshot.started()));
        root.put("last-pass", pass);
        if (report.vrrp() != null) {
            root.put("vrrp-state", report.vrrp().yangName());
        }
        if (report.sync() != null) {
            Map<String, Object> sync = new LinkedHashMap<>();
            sync.put("state", report.sync().state().yangName());
            sync.put("epoch", report.sync().epoch());
            sync.put("peer-epoch", report.sync().peerEpoch());
            sync.put("last-error", report.sync().lastError().orElse(null));
            sync.put("client-key", report.sync().clientKey());
            root.put("config-sync", sync);
        }
        root.put("providers", snapshot.providers().stream().map(StatusJson::provider).toList());
        return Json.write(root) + "\n";
    }

    private static Map<String, Object> provider(ProviderStatus p) {
        ProbeStats stats = p.stats();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", p.name());
        out.put("oper-status", p.operStatus().yangName());
        out.put("reason", p.reason());
        out.put("since", time(p.lastChange()));
        out.put("transitions", p.transitions());
        out.put("enabled", p.enabled());
        out.put("interface", p.interfaceName());
        out.put("ifindex", p.ifindex());
        out.put("address", p.address() == null ? null : address(p.address()));
        out.put("gateway", p.gateway() == null ? null : address(p.gateway()));
        out.put("table", p.table());
        out.put("weight", p.weight());
        out.put("tier", p.tier());
        out.put("default-share-percent", p.defaultRouteShare());
        out.put("rtt-ms", millis(stats.rttAverageMicros()));
        out.put("jitter-ms", millis(stats.jitterMicros()));
        out.put("loss-percent", stats.lossPercent());
        return out;
    }

    static BigDecimal millis(long micros) {
        return BigDecimal.valueOf(micros, 3);
    }

    static String address(InetAddress address) {
        return address.getHostAddress();
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
