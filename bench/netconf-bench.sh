#!/usr/bin/env bash
# NETCONF side by side, same client, same run (as root):
#   1. yuma123 netconfd behind OpenSSH on 127.0.0.1:8830 (shared/bench/netconfd-up.sh),
#      ietf-interfaces payloads;
#   2. the multihome daemon in a lab router (namespaces mhncb-*), the client inside that
#      namespace on 127.0.0.1:830; each edit changes isp1's description, and every commit
#      runs validation plus a full reconcile pass (kernel dump and diff) before it answers.
# Client: shared/bench/nc-bench.py with --tick 0.001 (ncclient's 100 ms polling floor removed).
#
#   bench/netconf-bench.sh [COUNT]      COUNT get-configs and edits per phase (default 200)
set -euo pipefail
count=${1:-200}
top=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED_BENCH:-$top/../shared/bench}
work=$(mktemp -d)
export MULTIHOME_LAB_PREFIX=mhncb MULTIHOME_LAB_RUN_DIR="$work/run" \
    MULTIHOME_LAB_RT_TABLES="$work/rt_tables.conf" MULTIHOME_LAB_RT_PROTOS="$work/rt_protos.conf" \
    MULTIHOME_LAB_NETCONF_PORT=0 MULTIHOME_LAB_SNMP_PORT=0
cleanup() {
    "$shared/netconfd-up.sh" stop >/dev/null 2>&1 || true
    "$top/packaging/bin/multihome" lab down >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
bench=(/usr/bin/python3 "$shared/nc-bench.py" --count "$count" --tick 0.001)

echo "== netconfd (yuma123) =="
"$shared/netconfd-up.sh" start >/dev/null
"${bench[@]}" --port 8830 --user nctest --password nctest-pw --label netconfd \
    --payload "$shared/payloads/ietf-interfaces-merge.xml" --cleanup "$shared/payloads/ietf-interfaces-remove.xml"
"$shared/netconfd-up.sh" stop >/dev/null

echo "== multihome =="
"$top/packaging/bin/multihome" lab up >/dev/null
ip netns exec mhncb-router "${bench[@]}" --port 830 --user admin --password admin --label multihome \
    --server-pids "$(cat "$work/run/daemon.pid")" \
    --payload "$top/bench/netconf/provider-description.xml" \
    --cleanup "$top/bench/netconf/provider-description-remove.xml"
