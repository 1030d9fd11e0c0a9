#!/usr/bin/env bash
# Where a weight edit+commit's CPU goes, per daemon thread (as root, after `mvn -DskipTests
# package`): the demo lab in namespaces mhcct-* (MULTIHOME_LAB_PREFIX changes it), WARMUP
# get-configs and WARMUP weight edits with the benchmark's client, then COUNT edits measured
# with thread-cpu.py; the lab is removed at the end.
#
#   bench/netconf/commit-threads.sh [WARMUP [COUNT]]     defaults 3000 1500
# SHARED_BENCH: as for bench/netconf-bench.sh.
set -euo pipefail
warmup=${1:-3000}
count=${2:-1500}
top=$(cd "$(dirname "$0")/../.." && pwd)
shared=$(cd "${SHARED_BENCH:-$top/../shared/bench}" && pwd)
work=$(mktemp -d)
prefix=${MULTIHOME_LAB_PREFIX:-mhcct}
export MULTIHOME_LAB_PREFIX=$prefix MULTIHOME_LAB_RUN_DIR="$work/run" \
    MULTIHOME_LAB_RT_TABLES="$work/rt_tables.conf" MULTIHOME_LAB_RT_PROTOS="$work/rt_protos.conf" \
    MULTIHOME_LAB_NETCONF_PORT=0 MULTIHOME_LAB_SNMP_PORT=0 MULTIHOME_LAB_METRICS_PORT=0
trap '"$top/packaging/bin/multihome" lab down >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
"$top/packaging/bin/multihome" lab up >/dev/null
pid=$(cat "$work/run/daemon.pid")
client=(ip netns exec "$prefix-router" /usr/bin/python3 "$top/bench/netconf/nc-bench-alternating.py"
    "$shared/nc-bench.py" --tick 0.001 --port 830 --user admin --password admin --server-pids "$pid"
    --payload "$top/bench/netconf/provider-weight.xml" --cleanup "$top/bench/netconf/provider-weight-reset.xml")
"${client[@]}" --count "$warmup" --phases getcfg,edit >/dev/null
"$top/bench/netconf/thread-cpu.py" "$pid" snap "$work/threads.json"
"${client[@]}" --count "$count" --phases edit | grep -v '^JSON'
"$top/bench/netconf/thread-cpu.py" "$pid" diff "$work/threads.json" "$count"
