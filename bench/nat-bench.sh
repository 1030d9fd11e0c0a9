#!/usr/bin/env bash
# NAT benchmarks (issue 12), as root, on a demo lab of its own (namespaces mhnatb-*, removed at
# the end, even on failure; examples/lab.xml: private LAN translated, weights 5:1):
#   1. iperf3 TCP from the LAN host to the Internet host (192.0.2.1) through the router, SECS
#      seconds a run: once with the daemon running its table, then with the daemon stopped
#      (`lab stop-daemon`, the kernel state stays), RUNS times alternating between the daemon's
#      table as listed (`nft list table inet multihome`, loaded back with `nft -f`) and the same
#      ruleset written by hand (bench/nat/lab-byhand.nft); the throughput ratio of the medians,
#      and the median of each run's ratio (by hand, then ours right after: less swayed by the
#      machine's load drifting over the series).
#   2. 1,000 port forwards (FORWARDS): commit to the daemon over NETCONF until
#      `nft list chain inet multihome port-forwards` shows them, against `nft -f` of the same
#      table (bench/nat/forwards.py, in the router's namespace), FORWARD_RUNS times.
#
#   [FORWARDS=1000] [FORWARD_RUNS=5] bench/nat-bench.sh [RUNS [SECS]]
# Build first: mvn -B -DskipTests package.
set -euo pipefail
runs=${1:-3}
secs=${2:-10}
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
export MULTIHOME_LAB_PREFIX=${MULTIHOME_LAB_PREFIX:-mhnatb} MULTIHOME_LAB_RUN_DIR="$work/run" \
    MULTIHOME_LAB_RT_TABLES="$work/rt_tables.conf" MULTIHOME_LAB_RT_PROTOS="$work/rt_protos.conf" \
    MULTIHOME_LAB_NETCONF_PORT=0 MULTIHOME_LAB_SNMP_PORT=0 MULTIHOME_LAB_METRICS_PORT=0 \
    MULTIHOME_LAB_FACTORY="$top/packaging/examples/lab.xml"
p=$MULTIHOME_LAB_PREFIX
lab() { "$top/packaging/bin/multihome" lab "$@" >/dev/null; }
stop_iperf() {
    if [ -f "$work/iperf3.pid" ] && [ "$(cat "/proc/$(cat "$work/iperf3.pid")/comm" 2>/dev/null)" = iperf3 ]; then
        kill "$(cat "$work/iperf3.pid")"
    fi
}
trap 'stop_iperf; lab down || true; rm -rf "$work"' EXIT

# One iperf3 run from the LAN host; prints the receiver's Gbit/s.
throughput() {
    ip netns exec "$p-lan" iperf3 -c 192.0.2.1 -t "$secs" -J \
        | /usr/bin/python3 -c 'import json,sys; print("%.3f" % (json.load(sys.stdin)["end"]["sum_received"]["bits_per_second"] / 1e9))'
}
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

echo "== $(date -u '+%Y-%m-%d %H:%M') UTC, load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs"
lab up
ip netns exec "$p-inet" iperf3 -s -B 192.0.2.1 -D --pidfile "$work/iperf3.pid"
for _ in $(seq 50); do [ -s "$work/iperf3.pid" ] && break; sleep 0.1; done

echo "1. iperf3 TCP LAN host -> 192.0.2.1, $secs s a run (Gbit/s)"
ip netns exec "$p-router" nft list table inet multihome >"$work/ours.nft"
echo "   daemon running, its table: $(throughput)"
lab stop-daemon
: >"$work/ours"
: >"$work/hand"
: >"$work/ratios"
for run in $(seq "$runs"); do
    ip netns exec "$p-router" nft delete table inet multihome
    ip netns exec "$p-router" nft -f "$top/bench/nat/lab-byhand.nft"
    hand=$(throughput)
    ip netns exec "$p-router" nft delete table inet byhand
    ip netns exec "$p-router" nft -f "$work/ours.nft"
    ours=$(throughput)
    echo "$hand" >>"$work/hand"
    echo "$ours" >>"$work/ours"
    ratio=$(awk -v o="$ours" -v h="$hand" 'BEGIN {printf "%.3f", o / h}')
    echo "$ratio" >>"$work/ratios"
    echo "   run $run: by hand $hand, ours $ours, ratio $ratio"
done
hand=$(median <"$work/hand")
ours=$(median <"$work/ours")
echo "   median: by hand $hand, ours $ours, ratio of the medians $(awk -v o="$ours" -v h="$hand" 'BEGIN {printf "%.3f", o / h}'),"\
    "median of the runs' ratios $(median <"$work/ratios")"
lab start-daemon

echo "2. ${FORWARDS:-1000} port forwards: NETCONF commit to the kernel vs nft -f"
ip netns exec "$p-router" timeout 900 /usr/bin/python3 "$top/bench/nat/forwards.py" "${FORWARDS:-1000}" "${FORWARD_RUNS:-5}" \
    | sed 's/^/   /'
