package net.multihome.daemon.metrics;

import java.util.function.LongSupplier;
import java.util.function.Supplier;
import net.multihome.core.pair.VrrpState;
import net.multihome.core.status.ReconcileCounters;
import net.multihome.core.status.StatusSnapshot;
import net.multihome.netconf.service.NetconfCounters;

/**
 * Where a scrape reads from; each source is an immutable snapshot or counters that never wait.
 *
 * @param status the status snapshot: providers, probe statistics, interfaces and their counters
 * @param reconcile the reconcile passes so far
 * @param netconf the NETCONF server's sessions and rpcs
 * @param snmpRequests SNMP request PDUs received
 * @param vrrp keepalived's state of a redundant pair's instance (reported only in a pair)
 */
public record MetricSources(Supplier<StatusSnapshot> status, Supplier<ReconcileCounters> reconcile,
        Supplier<NetconfCounters> netconf, LongSupplier snmpRequests, Supplier<VrrpState> vrrp) {
}
