package net.multihome.daemon.metrics;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import net.multihome.core.pair.VrrpState;
import net.multihome.core.plan.OperStatus;
import net.multihome.core.status.ProviderStatus;
import net.multihome.core.status.ReconcileCounters;
import net.multihome.core.status.StatusSnapshot;
import net.multihome.netconf.service.NetconfCounters;
import net.multihome.netlink.model.Link;
import net.multihome.netlink.model.LinkStats;

/** Turns one reading of the sources into Prometheus metric snapshots; the same input, the same output. */
public final class MetricsCollector {

    private static final double MICROS_PER_SECOND = 1e6;
    private static final double NANOS_PER_SECOND = 1e9;
    private static final double PERCENT = 100;

    private final MetricSources sources;

    public MetricsCollector(MetricSources sources) {
        this.sources = sources;
    }

    public MetricSnapshots collect() {
        StatusSnapshot status = sources.status().get();
        List<MetricSnapshot> metrics = new ArrayList<>();
        providers(status.providers(), metrics);
        interfaces(status.links(), metrics);
        reconcile(sources.reconcile().get(), metrics);
        netconf(sources.netconf().get(), metrics);
        metrics.add(counter("multihome_snmp_requests", "SNMP request PDUs received (get, get-next, get-bulk, set).",
                null, sources.snmpRequests().getAsLong()));
        if (status.config().pair().isPresent()) {
            metrics.add(vrrp(sources.vrrp().get()));
        }
        return new MetricSnapshots(metrics);
    }

    private static void providers(List<ProviderStatus> providers, List<MetricSnapshot> metrics) {
        metrics.add(perProvider(gauge("multihome_provider_up", "1 when the provider carries traffic (oper-status up).",
                null), providers, p -> p.operStatus() == OperStatus.UP ? 1 : 0));
        GaugeSnapshot.Builder state = gauge("multihome_provider_oper_state",
                "1 for the provider's current oper-status, 0 for the others.", null);
        for (ProviderStatus p : providers) {
            for (OperStatus s : OperStatus.values()) {
                state.dataPoint(GaugeDataPointSnapshot.builder()
                        .labels(Labels.of("provider", p.name(), "state", s.yangName()))
                        .value(p.operStatus() == s ? 1 : 0).build());
            }
        }
        metrics.add(state.build());
        metrics.add(perProvider(gauge("multihome_provider_rtt_seconds",
                "Average round-trip time of answered health probes in the window.", Unit.SECONDS), providers,
                p -> p.stats().rttAverageMicros() / MICROS_PER_SECOND));
        metrics.add(perProvider(gauge("multihome_provider_jitter_seconds",
                "Mean difference of consecutive health probe round-trip times.", Unit.SECONDS), providers,
                p -> p.stats().jitterMicros() / MICROS_PER_SECOND));
        metrics.add(perProvider(gauge("multihome_provider_loss_ratio",
                "Share of health probes in the window without an answer.", Unit.RATIO), providers,
                p -> p.stats().lossPercent().doubleValue() / PERCENT));
        metrics.add(perProvider(gauge("multihome_provider_default_route_share_ratio",
                "The provider's share of the default route's weight.", Unit.RATIO), providers,
                p -> p.defaultRouteShare() == null ? 0 : p.defaultRouteShare().doubleValue()));
        metrics.add(counters("multihome_provider_transitions", "Changes of the provider's oper-status.", providers,
                p -> Labels.of("provider", p.name()), ProviderStatus::transitions));
        metrics.add(counters("multihome_provider_probes_sent", "Health probes sent.", providers,
                p -> Labels.of("provider", p.name()), p -> p.stats().probesSent()));
        metrics.add(counters("multihome_provider_probes_lost", "Health probes without an answer.", providers,
                p -> Labels.of("provider", p.name()), p -> p.stats().probesLost()));
    }

    private static void interfaces(List<Link> links, List<MetricSnapshot> metrics) {
        Function<Link, Labels> name = l -> Labels.of("interface", l.name());
        metrics.add(counters("multihome_interface_receive_bytes", "Bytes received (kernel 64-bit counters).", links,
                name, l -> stats(l).rxBytes()));
        metrics.add(counters("multihome_interface_transmit_bytes", "Bytes sent (kernel 64-bit counters).", links,
                name, l -> stats(l).txBytes()));
        metrics.add(counters("multihome_interface_receive_packets", "Packets received.", links, name,
                l -> stats(l).rxPackets()));
        metrics.add(counters("multihome_interface_transmit_packets", "Packets sent.", links, name,
                l -> stats(l).txPackets()));
    }

    private static LinkStats stats(Link link) {
        return link.stats() == null ? LinkStats.ZERO : link.stats();
    }

    private static void reconcile(ReconcileCounters r, List<MetricSnapshot> metrics) {
        metrics.add(counter("multihome_reconcile_passes", "Reconcile passes run.", null, r.passes()));
        metrics.add(counter("multihome_reconcile_unconverged_passes",
                "Reconcile passes that left refused changes or conflicts.", null, r.unconverged()));
        metrics.add(counter("multihome_reconcile_errors", "Kernel changes refused in reconcile passes.", null,
                r.errors()));
        metrics.add(counter("multihome_reconcile_duration_seconds", "Time spent in reconcile passes.", Unit.SECONDS,
                r.totalTime().toNanos() / NANOS_PER_SECOND));
        double last = r.lastTime().toNanos() / NANOS_PER_SECOND;
        metrics.add(gauge("multihome_reconcile_last_duration_seconds", "How long the last reconcile pass took.",
                Unit.SECONDS).dataPoint(GaugeDataPointSnapshot.builder().value(last).build()).build());
    }

    private static void netconf(NetconfCounters n, List<MetricSnapshot> metrics) {
        metrics.add(gauge("multihome_netconf_sessions", "NETCONF sessions open now.", null)
                .dataPoint(GaugeDataPointSnapshot.builder().value(n.sessions()).build()).build());
        metrics.add(counter("multihome_netconf_sessions_opened", "NETCONF sessions that completed their hello.",
                null, n.sessionsTotal()));
        metrics.add(counter("multihome_netconf_rpcs", "NETCONF rpc messages received.", null, n.rpcs()));
        metrics.add(counter("multihome_netconf_bad_rpcs", "NETCONF rpc messages that could not be parsed.", null,
                n.badRpcs()));
        metrics.add(counter("multihome_netconf_rpc_errors", "NETCONF replies with an rpc-error.", null,
                n.rpcErrors()));
        metrics.add(counter("multihome_netconf_failed_logins", "NETCONF SSH logins refused: wrong passwords and "
                + "unknown public keys.", null, n.failedLogins()));
    }

    private static GaugeSnapshot vrrp(VrrpState current) {
        GaugeSnapshot.Builder state = gauge("multihome_vrrp_state",
                "1 for the redundant pair's current VRRP state on this router, 0 for the others.", null);
        for (VrrpState s : VrrpState.values()) {
            state.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("state", s.yangName()))
                    .value(current == s ? 1 : 0).build());
        }
        return state.build();
    }

    private static GaugeSnapshot.Builder gauge(String name, String help, Unit unit) {
        GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(help);
        return unit == null ? builder : builder.unit(unit);
    }

    private static GaugeSnapshot perProvider(GaugeSnapshot.Builder builder, List<ProviderStatus> providers,
            ToDoubleFunction<ProviderStatus> value) {
        for (ProviderStatus p : providers) {
            builder.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("provider", p.name()))
                    .value(value.applyAsDouble(p)).build());
        }
        return builder.build();
    }

    private static <T> CounterSnapshot counters(String name, String help, List<T> items, Function<T, Labels> labels,
            ToDoubleFunction<T> value) {
        CounterSnapshot.Builder builder = CounterSnapshot.builder().name(name).help(help);
        for (T item : items) {
            builder.dataPoint(CounterDataPointSnapshot.builder().labels(labels.apply(item))
                    .value(value.applyAsDouble(item)).build());
        }
        return builder.build();
    }

    private static CounterSnapshot counter(String name, String help, Unit unit, double value) {
        CounterSnapshot.Builder builder = CounterSnapshot.builder().name(name).help(help);
        if (unit != null) {
            builder.unit(unit);
        }
        return builder.dataPoint(CounterDataPointSnapshot.builder().value(value).build()).build();
    }
}
