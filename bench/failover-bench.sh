#!/usr/bin/env bash
# Failover benchmark: time from a fault to the provider's removal from the main default route,
# per failure mode, on a lab of three providers (as root; namespaces mhbench-*, removed at the end).
#
#   [MODES="link admin"] bench/failover-bench.sh [RUNS] [INTERVAL_MS]
#
# INTERVAL_MS 0 (default) keeps the YANG defaults (200 ms interval, 300 ms timeout); another
# value sets both interval and timeout to it. Damping is switched off so that RUNS faults in a
# row are not held down as flapping. Withdrawal is seen by polling `ip nexthop show id GROUP`
# (a few ms a poll). The fault command itself (`ip netns exec ... ip link set ...`) takes
# 20-100 ms on this machine and the fault happens somewhere inside it, so each time is given
# from the command's end ("after", a lower bound) and from its start ("before", an upper bound).
# For link and admin faults the kernel reports the moment itself: "event" is the time from the
# link event (`ip -ts monitor link`, the kernel's clock) until the poll saw the member gone.
set -euo pipefail
runs=${1:-10}
interval=${2:-0}
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
export MULTIHOME_LAB_PREFIX=mhbench MULTIHOME_LAB_RUN_DIR="$work/run" \
    MULTIHOME_LAB_RT_TABLES="$work/rt_tables.conf" MULTIHOME_LAB_RT_PROTOS="$work/rt_protos.conf" \
    MULTIHOME_LAB_FACTORY="$work/config.xml"
lab() { "$top/packaging/bin/multihome" lab "$@" >/dev/null; }
trap 'lab down; rm -rf "$work"' EXIT

health="<damping><enabled>false</enabled></damping>"
if [ "$interval" != 0 ]; then
    health="<interval>$interval</interval><timeout>$interval</timeout>$health"
fi
sed "s#<health-check>#<health-check>$health#" "$top/packaging/examples/lab-three.xml" >"$work/config.xml"
lab up

group=1296564225
member=1296564242
in_default() { ip -n mhbench-router nexthop show id "$group" | grep -q "$member"; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# wait_until COND SECONDS: polls COND; prints the milliseconds it took, or "timeout".
wait_until() {
    local start end
    start=$(now_ms)
    end=$((start + $2 * 1000))
    while [ "$(now_ms)" -lt "$end" ]; do
        if eval "$1"; then echo $(($(now_ms) - start)); return 0; fi
    done
    echo timeout
}

printf "interval / timeout: %s\n" "$([ "$interval" = 0 ] && echo "YANG defaults (200 ms / 200 ms)" || echo "$interval ms / $interval ms")"
# stats NAME VALUES...: median, p95 and max in milliseconds.
stats() {
    local name=$1; shift
    local sorted n
    sorted=$(printf '%s\n' "$@" | sort -n)
    n=$#
    printf '  %-6s median %5s  p95 %5s  max %5s  (%s)\n' "$name" "$(echo "$sorted" | sed -n "$(((n + 1) / 2))p")" \
        "$(echo "$sorted" | sed -n "$(((n * 95 + 99) / 100))p")" "$(echo "$sorted" | tail -1)" "$(echo $sorted)"
}

# link_event_ms FILE: the kernel's timestamp (ms since the epoch) of if2's first link event in FILE.
link_event_ms() {
    local stamp
    stamp=$(grep -m1 -E '^\[[^]]+\] [0-9]+: if2' "$1" | sed -E 's/^\[([^]]+)\].*/\1/')
    [ -n "$stamp" ] && echo $(($(date -d "$stamp" +%s%N) / 1000000))
}

for mode in ${MODES:-gateway upstream farside link admin}; do
    after=()
    before=()
    event=()
    for ((i = 0; i < runs; i++)); do
        wait_until in_default 15 >/dev/null
        monitor_pid=""
        if [ "$mode" = link ] || [ "$mode" = admin ]; then
            ip -ts -n mhbench-router monitor link >"$work/link-events" 2>&1 &
            monitor_pid=$!
            # ip monitor prints nothing when its subscription is in place: give it a moment.
            sleep 0.2
        fi
        start=$(now_ms)
        lab fail isp2 "$mode"
        took=$(wait_until '! in_default' 10)
        seen=$(now_ms)
        [ "$took" != timeout ] || { echo "$mode: not withdrawn within 10 s" >&2; exit 1; }
        after+=("$took")
        before+=("$((seen - start))")
        if [ -n "$monitor_pid" ]; then
            kill "$monitor_pid" 2>/dev/null || true
            wait "$monitor_pid" 2>/dev/null || true
            at=$(link_event_ms "$work/link-events")
            [ -z "$at" ] || event+=("$((seen - at))")
        fi
        lab restore isp2
    done
    echo "$mode ($runs runs), ms:"
    stats after "${after[@]}"
    stats before "${before[@]}"
    [ "${#event[@]}" -eq 0 ] || stats event "${event[@]}"
done

# Carrier loss measured in one process with one clock: the kernel's carrier event, as a netlink
# monitor receives it, to the moment a tight dump loop no longer finds isp2 in the group.
echo "link, in process (net.multihome.netlink.bench.CarrierWithdrawal, $runs runs):"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
(cd "$top" && mvn -q -B -o -pl service/netlink test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp" >"$work/build.log" 2>&1) \
    || { tail -20 "$work/build.log" >&2; exit 1; }
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$top/service/netlink/target/test-classes:$top/service/netlink/target/classes:$(cat "$work/cp")" \
    net.multihome.netlink.bench.CarrierWithdrawal /run/netns/mhbench-router if2 "$group" "$member" \
    "ip -n mhbench-isp2 link set wan2 down" "ip -n mhbench-isp2 link set wan2 up" "$runs"
