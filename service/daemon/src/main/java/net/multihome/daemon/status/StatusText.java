package net.multihome.daemon.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.multihome.core.status.ProbeStats;
import net.multihome.core.status.ProviderStatus;
import net.multihome.core.status.StatusSnapshot;
import net.multihome.netconf.sync.SyncStatus;

/** {@code multihome status}: the text view, one block per provider, as {@code mwan3 status} shows. */
public final class StatusText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private StatusText() {
    }

    /** Renders the report; {@code now} gives the ages ("5m 3s ago"). */
    public static String render(StatusReport report, Instant now) {
        StatusSnapshot snapshot = report.snapshot();
        StringBuilder out = new StringBuilder();
        out.append("daemon:    up since ").append(when(snapshot.started(), now)).append('\n');
        if (report.lastPassAt() == null) {
            out.append("last pass: none yet\n");
        } else {
            out.append("last pass: ").append(when(report.lastPassAt(), now)).append(", #")
                    .append(snapshot.reconcilePasses()).append(", ").append(snapshot.lastReconcileResult())
                    .append(", took ").append(report.lastPassTook().toMillis()).append(" ms\n");
        }
        if (report.vrrp() != null) {
            out.append("vrrp:      ").append(report.vrrp().yangName()).append('\n');
        }
        if (report.sync() != null) {
            SyncStatus sync = report.sync();
            out.append("sync:      ").append(sync.state().yangName()).append(", epoch ").append(sync.epoch())
                    .append(", peer at ").append(sync.peerEpoch())
                    .append(sync.lastError().map(e -> ", last error: " + e).orElse("")).append('\n');
            out.append("sync key:  ").append(sync.clientKey()).append('\n');
        }
        if (snapshot.providers().isEmpty()) {
            out.append("\nno providers configured\n");
        }
        for (ProviderStatus p : snapshot.providers()) {
            ProbeStats stats = p.stats();
            out.append('\n').append("provider ").append(p.name()).append(": ").append(p.operStatus().yangName())
                    .append(p.enabled() ? "" : " (disabled)").append('\n');
            line(out, "reason", p.reason());
            line(out, "since", when(p.lastChange(), now) + ", " + p.transitions() + " transition(s)");
            line(out, "interface", p.interfaceName() + (p.ifindex() == 0 ? " (missing)" : " (ifindex " + p.ifindex() + ")"));
            line(out, "address", p.address() == null ? "none" : StatusJson.address(p.address()));
            line(out, "gateway", p.gateway() == null ? "none" : StatusJson.address(p.gateway()));
            line(out, "probes", "rtt " + StatusJson.millis(stats.rttAverageMicros()) + " ms, loss "
                    + stats.lossPercent().toPlainString() + " %, jitter " + StatusJson.millis(stats.jitterMicros()) + " ms");
            line(out, "default", p.defaultRouteShare().toPlainString() + " % (weight " + p.weight() + ", tier "
                    + p.tier() + ", table " + p.table() + ")");
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append("  ").append(label).append(':').append(" ".repeat(11 - label.length())).append(value).append('\n');
    }

    private static String when(Instant at, Instant now) {
        return TIME.format(at) + " (" + age(Duration.between(at, now)) + " ago)";
    }

    static String age(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m " + seconds % 60 + "s";
        }
        if (seconds < 86400) {
            return seconds / 3600 + "h " + seconds / 60 % 60 + "m";
        }
        return seconds / 86400 + "d " + seconds / 3600 % 24 + "h";
    }
}
