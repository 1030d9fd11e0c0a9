#!/usr/bin/env bash
# Switchover benchmark of the redundant pair: time from a fault of the master to the LAN's
# gateway (10.0.0.1) answering from the other router, over RUNS faults, on `lab up --pair`
# (as root; namespaces mhpair-*, removed at the end).
#
#   bench/pair-switchover-bench.sh [RUNS] [MODE]
#
# MODE lan (default): the master's LAN switch port goes down; keepalived sees its tracked LAN
# interface fail and gives the role up with a priority-0 advertisement over the sync link.
# MODE uplinks: both of the master's provider ports go down; the daemon's health checks find
# every provider down and write the track value that puts keepalived in the fault state.
# MODE crash: the master's daemon and keepalived get kill -9 and its links go down (lab crash);
# the survivor waits VRRP's master-down interval (three advertisements and its skew).
# After each run the failed router is restored and waits as backup (preempt is off), so the
# next run fails the other router. The gateway counts as moved when a ping from the LAN host
# answers and its neighbour entry names the new master's LAN interface; polled every 10 ms or so.
set -euo pipefail
runs=${1:-20}
mode=${2:-lan}
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
export MULTIHOME_LAB_PREFIX=mhpair MULTIHOME_LAB_RUN_DIR="$work/run" \
    MULTIHOME_LAB_RT_TABLES="$work/rt_tables.conf" MULTIHOME_LAB_RT_PROTOS="$work/rt_protos.conf"
lab() { "$top/packaging/bin/multihome" lab "$@" >/dev/null; }
trap 'lab down; rm -rf "$work"' EXIT
state() { cat "$work/run/$1/vrrp-state" 2>/dev/null || echo none; }
other() { if [ "$1" = a ]; then echo b; else echo a; fi; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
# Polls "$@" for at most $1 seconds.
within() {
    local end=$(($(now_ms) + $1 * 1000))
    shift
    until "$@"; do [ "$(now_ms)" -lt "$end" ] || return 1; done
}
gateway_is() {
    local mac
    mac=$(ip netns exec "mhpair-$1" cat /sys/class/net/eth0/address)
    ip netns exec mhpair-lan ping -c 1 -W 0.2 10.0.0.1 >/dev/null 2>&1 \
        && ip -n mhpair-lan neigh show 10.0.0.1 | grep -q "$mac"
}
settled() { [ "$(state "$1")" = MASTER ] && [ "$(state "$(other "$1")")" = BACKUP ]; }

lab up --pair
within 120 settled a || { echo "the pair did not settle: a $(state a), b $(state b)" >&2; exit 1; }
master=a
times=()
for ((i = 1; i <= runs; i++)); do
    backup=$(other "$master")
    start=$(now_ms)
    if [ "$mode" = crash ]; then lab crash "$master"; else lab fail "$master" "$mode"; fi
    within 10 gateway_is "$backup" || { echo "run $i: the gateway did not move to $backup within 10 s" >&2; exit 1; }
    times+=($(($(now_ms) - start)))
    lab restore "$master"
    within 120 settled "$backup" || { echo "run $i: $master did not return as backup" >&2; exit 1; }
    master=$backup
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
pick() { echo "$sorted" | sed -n "$(( ($1 * runs + 99) / 100 ))p"; }
echo "mode $mode, $runs runs, ms: ${times[*]}"
echo "p50 $(pick 50) ms, p95 $(pick 95) ms, max $(echo "$sorted" | tail -1) ms"
